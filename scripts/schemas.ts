import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { toJsonSchema, type ConversionConfig, type JsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import { journeySchemaForJson } from '../lib/audit/journey';
import { auditReportSchema, reportFileSchemaForJson } from '../lib/audit/report-schema';
import { PARAMS_FOR_JSON_SCHEMA, planSchemaForJson } from '../lib/goals/schema';

// `npm run schemas`: the JSON Schemas of the plan, journey and report formats, generated from the valibot
// schemas the code validates with (one source). Committed in schemas/; scripts/schemas.test.ts fails when one
// is stale. Users point "$schema" at them for completion in their editor.

export const SCHEMAS_DIR = resolve('schemas');

const config: ConversionConfig = {
  // What users write (before trimming and defaults), in the draft every editor reads.
  typeMode: 'input',
  target: 'draft-07',
  // An unconvertible piece added later must be looked at, not silently dropped.
  errorMode: 'throw',
  // Checks JSON Schema cannot say (valid regexes, "click needs selector or text") stay with the code; trimming
  // is not a constraint. docs/plan-format.md lists what only Tagwatch checks.
  ignoreActions: ['trim', 'check'],
  overrideSchema: ({ valibotSchema }) => {
    const replacement = PARAMS_FOR_JSON_SCHEMA.get(valibotSchema);
    return replacement ? toJsonSchema(replacement, config) : undefined;
  },
};

function generate(
  schema: v.GenericSchema,
  extra: { title: string; description: string },
  definitions?: Record<string, v.GenericSchema>,
): JsonSchema {
  const { $schema, ...rest } = toJsonSchema(schema, definitions ? { ...config, definitions } : config);
  return { $schema, title: extra.title, description: extra.description, ...rest };
}

/** File name → JSON text, as committed. */
export function jsonSchemas(): Record<string, string> {
  const out: Record<string, JsonSchema> = {
    'plan.v1.json': generate(planSchemaForJson(), {
      title: 'Tagwatch tracking plan, version 1',
      description: 'The goals of a site and the tags each should produce. See docs/plan-format.md.',
    }),
    'journey.v1.json': generate(journeySchemaForJson, {
      title: 'Tagwatch audit journey, version 1',
      description:
        'Steps the audit command (npm run audit -- --journey FILE) runs in one browser page. See docs/journey-format.md.',
    }),
    'report.v1.json': generate(
      reportFileSchemaForJson,
      {
        title: 'Tagwatch audit report, version 1',
        description:
          'Exported from the popup or written by npm run audit -- --out FILE: one report, or a list of them. See docs/report-format.md.',
      },
      { report: auditReportSchema },
    ),
  };
  return Object.fromEntries(
    Object.entries(out).map(([file, schema]) => [file, `${JSON.stringify(schema, null, 2)}\n`]),
  );
}

function main(): void {
  mkdirSync(SCHEMAS_DIR, { recursive: true });
  for (const [file, text] of Object.entries(jsonSchemas())) {
    const path = join(SCHEMAS_DIR, file);
    let before = '';
    try {
      before = readFileSync(path, 'utf8');
    } catch {
      // a new schema
    }
    writeFileSync(path, text);
    console.log(`${path}${before === text ? ' (unchanged)' : ' (written)'}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) main();
