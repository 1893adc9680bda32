import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, resolve } from 'node:path';

// The extension the audit command loads, built once per source change into a cache that audits share:
// `node_modules/.cache/tagwatch/<hash of the sources>/chrome-mv3`. A build goes to a folder of its own and is
// renamed into place when complete, so an audit never loads a half-written build, and a running audit's
// extension is never rebuilt under it. Audits that start together wait for the one that builds (a lock
// folder, taken over when its owner died).

/** What the build reads. Tests are not built; node_modules changes show in the lock file. */
const INPUT_DIRS = ['entrypoints', 'lib', 'public', 'assets', 'components', 'utils'];
const INPUT_FILES = ['wxt.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];
const NOT_BUILT = /\.(test|spec)\.[cm]?[jt]sx?$|(^|\/)testing\.ts$|\.fixtures\.ts$/;

/** How long an audit waits for another one's build before giving up. */
const BUILD_WAIT_MS = 5 * 60_000;
/** Builds not used for this long are removed, newest few kept. */
const KEEP_UNUSED_MS = 24 * 3_600_000;
const KEEP_NEWEST = 3;

function files(root: string, dir: string, out: string[]): void {
  const abs = join(root, dir);
  if (!existsSync(abs)) return;
  for (const entry of readdirSync(abs, { withFileTypes: true })) {
    const rel = join(dir, entry.name);
    if (entry.isDirectory()) files(root, rel, out);
    else if (entry.isFile() && !NOT_BUILT.test(rel)) out.push(rel);
  }
}

/** A hash of every file the build reads, paths included: any change makes another build. */
export function sourceHash(root: string): string {
  const list: string[] = [];
  for (const dir of INPUT_DIRS) files(root, dir, list);
  for (const file of INPUT_FILES) if (existsSync(join(root, file))) list.push(file);
  const hash = createHash('sha256');
  for (const rel of list.sort()) {
    hash.update(`${rel.split('\\').join('/')}\0`);
    hash.update(readFileSync(join(root, rel)));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Take the lock folder, or say who holds it. A lock whose process is gone is taken over. */
function tryLock(lock: string): boolean {
  try {
    mkdirSync(lock);
    writeFileSync(join(lock, 'pid'), String(process.pid));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    let owner = NaN;
    try {
      owner = Number(readFileSync(join(lock, 'pid'), 'utf8'));
    } catch {
      // No pid yet: the owner has made the folder and not written it (alive), or has just removed the lock.
      let age = 0;
      try {
        age = Date.now() - statSync(lock).mtimeMs;
      } catch {
        return false; // gone: try again on the next poll
      }
      if (age < 10_000) return false;
    }
    if (Number.isFinite(owner) && alive(owner)) return false;
    rmSync(lock, { recursive: true, force: true });
    return false; // try again on the next poll: another waiter may take it first
  }
}

function runBuild(root: string, outDir: string): Promise<{ ok: boolean; output: string }> {
  // WXT's own build, with the output folder given inline (wxt.config.ts stays the one configuration).
  const code = "const { build } = await import('wxt'); await build({ outDir: process.argv[1], logLevel: 1 });";
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', code, outDir], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => done({ ok: code === 0, output }));
    child.on('error', (error) => done({ ok: false, output: String(error) }));
  });
}

function prune(cache: string, keep: string): void {
  const entries = readdirSync(cache, { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^[0-9a-f]{16}$/.test(e.name) && e.name !== keep)
    .map((e) => ({
      dir: join(cache, e.name),
      used: (() => {
        try {
          return statSync(join(cache, e.name, 'complete')).mtimeMs;
        } catch {
          return 0;
        }
      })(),
    }))
    .sort((a, b) => b.used - a.used);
  for (const [i, e] of entries.entries()) {
    if (i >= KEEP_NEWEST - 1 && Date.now() - e.used > KEEP_UNUSED_MS) rmSync(e.dir, { recursive: true, force: true });
  }
}

export class BuildError extends Error {}

/** The built extension for the sources as they are now: from the cache, or built once for every audit waiting on it. */
export async function cachedExtension(root: string, progress: (line: string) => void): Promise<string> {
  // TAGWATCH_BUILD_CACHE moves the cache (a CI cache folder; the tests use an empty one to watch a build).
  const cache = resolve(root, process.env.TAGWATCH_BUILD_CACHE ?? 'node_modules/.cache/tagwatch');
  const hash = sourceHash(root);
  const dir = join(cache, hash);
  const ext = join(dir, 'chrome-mv3');
  const complete = join(dir, 'complete');
  mkdirSync(cache, { recursive: true });
  const lock = join(cache, `${hash}.lock`);
  const start = Date.now();
  let said = false;
  while (!existsSync(complete)) {
    if (tryLock(lock)) {
      try {
        if (existsSync(complete)) break; // built by another audit between our look and our lock
        progress(`Building the extension (sources changed; cached in ${relative(root, dir)})…`);
        const tmp = join(cache, `tmp-${hash}-${process.pid}`);
        rmSync(tmp, { recursive: true, force: true });
        const build = await runBuild(root, tmp);
        if (!build.ok || !existsSync(join(tmp, 'chrome-mv3', 'manifest.json'))) {
          rmSync(tmp, { recursive: true, force: true });
          throw new BuildError(
            `Building the extension failed:\n${build.output.trim()}\nFix the error above (\`npm run build\` shows it too), then run the audit again.`,
          );
        }
        writeFileSync(join(tmp, 'complete'), new Date().toISOString());
        rmSync(dir, { recursive: true, force: true });
        renameSync(tmp, dir);
        prune(cache, hash);
      } finally {
        rmSync(lock, { recursive: true, force: true });
      }
      break;
    }
    if (!said) {
      progress('Another audit is building the extension; waiting for it…');
      said = true;
    }
    if (Date.now() - start > BUILD_WAIT_MS) {
      throw new BuildError(
        `Waited ${BUILD_WAIT_MS / 60_000} min for another audit to build the extension. If none is running, delete ${lock} and try again.`,
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const now = new Date();
  utimesSync(complete, now, now); // in use: not pruned
  return ext;
}
