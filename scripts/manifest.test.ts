import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../wxt.config';

// The permissions the manifest asks for: each one explained to users and store reviewers in
// docs/permissions.md, and each API permission used by the code (a permission nothing uses is dropped).

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
}

async function manifestFor(browser: string, manifestVersion: 2 | 3): Promise<Manifest> {
  const manifest = config.manifest;
  if (typeof manifest !== 'function')
    throw new Error('wxt.config.ts: expected `manifest` to be a function of the target');
  return (await manifest({ browser, manifestVersion, mode: 'production', command: 'build' })) as Manifest;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const code = sources('entrypoints')
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');
const doc = readFileSync('docs/permissions.md', 'utf8');

/** How the code shows it uses an API permission. `tabs` and `unlimitedStorage` unlock no API of their own. */
const USES: Record<string, RegExp | string> = {
  webRequest: /\.webRequest\.on\w+\.addListener/,
  webNavigation: /\.webNavigation\.on\w+\.addListener/,
  storage: /\.storage\.local\./,
  alarms: /\.alarms\.(create|onAlarm)/,
  scripting: /\.scripting\.executeScript|scripting\s*\.executeScript/,
  cookies: /\.cookies\.onChanged\.addListener/,
  tabs: 'the tab URL of browser pages (e2e/publish.e2e.ts)',
  unlimitedStorage: 'IndexedDB beyond the default quota (retention keeps up to 200,000 hits)',
};

describe('permissions', async () => {
  const chrome = await manifestFor('chrome', 3);
  const all = [...(chrome.permissions ?? []), ...(chrome.host_permissions ?? [])];

  it.each(all)('%s is explained in docs/permissions.md', (permission) => {
    expect(doc).toMatch(new RegExp(`^## .*\`${permission.replace(/[<>]/g, '\\$&')}\``, 'm'));
  });

  it.each(chrome.permissions ?? [])('%s is used by the code', (permission) => {
    const use = USES[permission];
    expect(
      use,
      `${permission}: nothing in the code uses it; drop it from wxt.config.ts or say here how it is used`,
    ).toBeDefined();
    if (use instanceof RegExp) expect(code).toMatch(use);
  });

  it('asks Firefox for the same', async () => {
    const firefox = await manifestFor('firefox', 2);
    expect([...(firefox.permissions ?? []), ...(firefox.host_permissions ?? [])].sort()).toEqual(all.sort());
  });
});
