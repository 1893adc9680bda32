import { cachedExtension } from '../scripts/audit/build-cache';

// The audit command loads the extension from its build cache: built here once, before the tests that run the
// command, so that no single test pays for the build (they still would be right without this: the first
// audit would build it).
export default async function setup(): Promise<void> {
  await cachedExtension(process.cwd(), (line) => process.stderr.write(`${line}\n`));
}
