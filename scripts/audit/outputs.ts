import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

// Output files are checked before the audit starts, not after a long crawl: a missing folder is created, a
// path that cannot be written is refused with what to do.

export class OutputError extends Error {}

/** Make sure `file` can be written: its folder exists (created if not) and is writable, and it is not a folder. */
export function prepareOutput(file: string, option: string): void {
  const path = resolve(file);
  if (existsSync(path) && statSync(path).isDirectory()) {
    throw new OutputError(
      `${option} ${file} is a folder. Give a file name, such as ${file.replace(/\/$/, '')}/report${option === '--html' ? '.html' : option === '--har-out' ? '.har' : '.json'}.`,
    );
  }
  const dir = dirname(path);
  // The nearest folder that exists on the way up: a file there means the path cannot be made.
  let up = dir;
  while (!existsSync(up) && dirname(up) !== up) up = dirname(up);
  if (existsSync(up) && !statSync(up).isDirectory())
    throw new OutputError(`${option} ${file}: ${up} is a file, not a folder. Give another path.`);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new OutputError(
      `${option} ${file}: cannot create the folder ${dir} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Give a path you can write to.`,
    );
  }
  if (!statSync(dir).isDirectory())
    throw new OutputError(`${option} ${file}: ${dir} is a file, not a folder. Give another path.`);
  try {
    accessSync(dir, constants.W_OK);
    if (existsSync(path)) accessSync(path, constants.W_OK);
  } catch {
    throw new OutputError(`${option} ${file}: cannot write there (permission denied). Give a path you can write to.`);
  }
}

/** `report.json` → `report.site.json`: the roll-up is written beside the page reports. */
export function siteFileFor(out: string): string {
  return /\.json$/i.test(out) ? out.replace(/\.json$/i, '.site.json') : `${out}.site.json`;
}
