import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { sourceHash } from './build-cache';

it('changes with a source the build reads, not with a test, a fixture or a file outside the inputs', () => {
  const root = mkdtempSync(join(tmpdir(), 'tagwatch-hash-'));
  mkdirSync(join(root, 'lib/audit'), { recursive: true });
  mkdirSync(join(root, 'scripts'), { recursive: true });
  writeFileSync(join(root, 'lib/audit/report.ts'), 'export const a = 1;');
  writeFileSync(join(root, 'wxt.config.ts'), 'export default {};');
  const first = sourceHash(root);
  expect(first).toMatch(/^[0-9a-f]{16}$/);
  writeFileSync(join(root, 'lib/audit/report.test.ts'), 'it()');
  writeFileSync(join(root, 'lib/audit/site.fixtures.ts'), 'export {}');
  writeFileSync(join(root, 'scripts/anything.ts'), 'x');
  expect(sourceHash(root)).toBe(first);
  writeFileSync(join(root, 'lib/audit/report.ts'), 'export const a = 2;');
  expect(sourceHash(root)).not.toBe(first);
  writeFileSync(join(root, 'lib/audit/report.ts'), 'export const a = 1;');
  writeFileSync(join(root, 'lib/audit/renamed.ts'), '');
  expect(sourceHash(root)).not.toBe(first); // a new file is a change too
});
