import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processesUsing } from './cleanup';

/** A fake /proc: one folder per pid, each with its NUL-separated command line. */
function fakeProc(processes: Record<string, string[]>): string {
  const proc = mkdtempSync(join(tmpdir(), 'tagwatch-proc-'));
  for (const [pid, args] of Object.entries(processes)) {
    mkdirSync(join(proc, pid));
    writeFileSync(join(proc, pid, 'cmdline'), `${args.join('\0')}\0`);
  }
  mkdirSync(join(proc, 'self')); // not a pid: skipped
  mkdirSync(join(proc, '77')); // no cmdline (ended while listed): skipped
  return proc;
}

describe('processesUsing', () => {
  const profile = '/tmp/tagwatch-e2e-abc';
  const proc = fakeProc({
    '10': ['/usr/lib/chromium/chromium', '--headless=new', `--user-data-dir=${profile}`],
    '11': ['/usr/lib/chromium/chromium', '--type=renderer', `--user-data-dir=${profile}`],
    '12': ['/usr/lib/chromium/chromium', `--user-data-dir=${profile}-other`],
    '13': ['node', 'scripts/audit/main.ts', profile],
  });

  it('finds the browser and its helpers on that profile, and nothing else', () => {
    expect(processesUsing(profile, proc).sort()).toEqual([10, 11]);
  });

  it('finds nothing where there is no /proc', () => {
    expect(processesUsing(profile, join(proc, 'missing'))).toEqual([]);
  });
});
