import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR } from '../browser';

/** The shipped content scripts' sizes: they load into every page, so every byte is paid on every page. */
export function contentScriptSizes(dir = join(EXTENSION_DIR, 'content-scripts')): {
  files: Array<{ name: string; bytes: number }>;
  total: number;
} {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((name) => ({ name, bytes: statSync(join(dir, name)).size }));
  return { files, total: files.reduce((sum, f) => sum + f.bytes, 0) };
}
