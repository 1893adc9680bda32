import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// What the content scripts pull in: they load into every frame of every page, so each module they import is
// paid for on every page. They take no npm package (no valibot, no polyfill, no idb, no Preact) and only the
// parts of lib/ meant for pages. (lib/ staying free of browser APIs is Biome's rule: biome.jsonc, overrides.)

const ROOT = resolve('.');
const CONTENT_SCRIPTS = ['entrypoints/content/index.ts', 'entrypoints/page-hooks.content.ts'];
/** Where a module imported by a content script may live. */
const ALLOWED = [
  /^entrypoints\/content\//,
  /^entrypoints\/page-hooks\.content\.ts$/,
  /^lib\/page\//,
  /^lib\/goals\//,
  /^lib\/messages\.ts$/,
];
/** Modules of those folders that are too heavy for pages. */
const DENIED = ['lib/goals/schema.ts', 'lib/goals/default-plan.ts', 'lib/goals/suggest.ts'];

/** The value imports of a file (`import type` and `export type` cost nothing at run time). */
function valueImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/gm)) {
    if (m[2]) continue;
    const names = m[3] ?? '';
    // `import { type A, type B } from` is type-only too.
    if (
      /^\{[^}]*\}$/.test(names) &&
      names
        .slice(1, -1)
        .split(',')
        .every((n) => n.trim() === '' || n.trim().startsWith('type '))
    )
      continue;
    out.push(m[4]!);
  }
  for (const m of text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) out.push(m[1]!);
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  return out;
}

function resolveLocal(from: string, spec: string): string | undefined {
  const base = spec.startsWith('@/')
    ? join(ROOT, spec.slice(2))
    : spec.startsWith('.')
      ? resolve(dirname(from), spec)
      : undefined;
  if (!base) return undefined;
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base])
    if (existsSync(candidate) && !candidate.endsWith('/')) return candidate;
  throw new Error(`${relative(ROOT, from)}: cannot resolve "${spec}"`);
}

/** Every module a content script loads, and the npm packages among them. */
function closure(entry: string): { modules: string[]; packages: string[] } {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!/\.tsx?$/.test(file)) return; // a stylesheet or an asset
    for (const spec of valueImports(file)) {
      const local = resolveLocal(file, spec);
      if (local) visit(local);
      else packages.add(spec);
    }
  };
  visit(resolve(entry));
  return { modules: [...seen].map((f) => relative(ROOT, f)).sort(), packages: [...packages].sort() };
}

describe.each(CONTENT_SCRIPTS)('%s', (entry) => {
  const { modules, packages } = closure(entry);

  it('imports no npm package', () => expect(packages).toEqual([]));

  it('imports only the page-side parts of lib/', () => {
    expect(modules.filter((m) => !ALLOWED.some((re) => re.test(m)))).toEqual([]);
    expect(modules.filter((m) => DENIED.includes(m))).toEqual([]);
  });
});

it('sees through import type and re-exports (the walker itself)', () => {
  const { modules } = closure('entrypoints/content/index.ts');
  // the content script imports lib/goals/match only as a type, and watch-page for its value.
  expect(modules).toContain('lib/goals/watch-page.ts');
  expect(closure('entrypoints/options/main.tsx').packages).toContain('preact');
});
