import { chmodSync, mkdirSync, mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareOutput, siteFileFor } from './outputs';

describe('prepareOutput', () => {
  const root = mkdtempSync(join(tmpdir(), 'tagwatch-outputs-'));
  it('creates a missing folder before the audit starts', () => {
    prepareOutput(join(root, 'reports/2025/report.json'), '--out');
    expect(existsSync(join(root, 'reports/2025'))).toBe(true);
  });
  it('refuses a folder given as the file', () => {
    mkdirSync(join(root, 'dir'));
    expect(() => prepareOutput(join(root, 'dir'), '--html')).toThrow(
      /is a folder\. Give a file name, such as .*dir\/report\.html/,
    );
  });
  it('refuses a path under a file', () => {
    writeFileSync(join(root, 'file'), 'x');
    expect(() => prepareOutput(join(root, 'file/report.json'), '--out')).toThrow(
      /--out .*file\/report\.json: .*file is a file, not a folder/,
    );
  });
  it.skipIf(process.getuid?.() === 0)('refuses a folder it cannot write to', () => {
    mkdirSync(join(root, 'locked'));
    chmodSync(join(root, 'locked'), 0o500);
    expect(() => prepareOutput(join(root, 'locked/r.json'), '--out')).toThrow(/permission denied/);
  });
});

it.each([
  ['report.json', 'report.site.json'],
  ['out/Report.JSON', 'out/Report.site.json'],
  ['report', 'report.site.json'],
])('the roll-up of %s goes to %s', (out, site) => expect(siteFileFor(out)).toBe(site));
