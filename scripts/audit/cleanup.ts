import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { handleSignalsOurselves, liveProfiles, stopLaunches } from '../browser';

// Whatever the audit started is undone on every way out: a normal end, an error, Ctrl-C (SIGINT), a CI
// runner's SIGTERM, a closed terminal (SIGHUP). Playwright kills the browsers on these signals; this closes
// them properly when it still can, and always removes their temporary profiles.
//
// `npm run audit` starts node with tsx's loader (`node --import tsx`), not the `tsx` command: that command
// relays Ctrl-C to a child process and SIGKILLs it when the child has not answered within 60 ms, which a busy
// audit on a loaded machine does not, and the kill left its browser profile behind.

type Task = () => Promise<unknown> | unknown;
const tasks = new Set<Task>();
let interrupted = false;

/** Stopping on a signal: work still running must not record its pages (they were cut short, not failed). */
export function isInterrupted(): boolean {
  return interrupted;
}

/** Run `task` on an interrupt (before the profiles are removed); returns a function that forgets it. */
export function onInterrupt(task: Task): () => void {
  tasks.add(task);
  return () => tasks.delete(task);
}

/** Every profile seen on the way out: one removed early can be written again by a browser dying late. */
const seenProfiles = new Set<string>();

export function removeProfiles(): void {
  for (const dir of liveProfiles) seenProfiles.add(dir);
  for (const dir of seenProfiles) for (const pid of processesUsing(dir)) killQuietly(pid);
  for (const dir of seenProfiles) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
      liveProfiles.delete(dir);
    } catch {
      // a browser still writing into it: the interrupt path tries again (removeProfilesSettled)
    }
  }
}

/**
 * Processes whose command line names `dir` as their profile (Chromium and its helpers all carry
 * `--user-data-dir=DIR`). Linux only: elsewhere there is no /proc, and the removal loop below has to do.
 */
export function processesUsing(dir: string, proc = '/proc'): number[] {
  if (!existsSync(proc)) return [];
  const needle = `--user-data-dir=${dir}`;
  const pids: number[] = [];
  for (const name of readdirSync(proc)) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const args = readFileSync(`${proc}/${name}/cmdline`, 'utf8').split('\0');
      if (args.includes(needle)) pids.push(Number(name));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Kill what still runs on the profiles and wait (at most `ms`) until it has gone. */
async function killBrowsers(dirs: readonly string[], ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const pids = dirs.flatMap((d) => processesUsing(d));
    if (pids.length === 0 || Date.now() > deadline) return;
    for (const pid of pids) killQuietly(pid);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * On Ctrl-C the terminal signals Chromium too, and a browser shutting down may still write into its profile
 * after a first removal: remove until each profile has stayed gone for a moment, for at most a few seconds.
 */
async function removeProfilesSettled(): Promise<void> {
  const dirs = new Set(liveProfiles);
  const deadline = Date.now() + 8_000;
  // Gone for three checks in a row (about a second): a browser still shutting down has stopped writing by then.
  let goneFor = 0;
  for (;;) {
    // A browser launched just before the signal: take its profile too.
    for (const dir of liveProfiles) dirs.add(dir);
    for (const dir of dirs) seenProfiles.add(dir);
    // A browser that outlived its close (or that Playwright lost when the signal reached it first) would write
    // into its profile after every removal: stop it first.
    await killBrowsers([...dirs], 2_000);
    for (const dir of dirs) {
      try {
        rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
      } catch {
        // written to while removed: the next round gets it
      }
    }
    await new Promise((r) => setTimeout(r, 300));
    goneFor = [...dirs].every((d) => !existsSync(d)) ? goneFor + 1 : 0;
    if (goneFor >= 3 || Date.now() > deadline) break;
  }
  for (const dir of dirs) if (!existsSync(dir)) liveProfiles.delete(dir);
}

const CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/** Install the handlers once; `say` tells the user what happens. */
export function handleInterrupts(say: (line: string) => void): void {
  handleSignalsOurselves();
  let stopping = false;
  for (const signal of Object.keys(CODES) as NodeJS.Signals[]) {
    process.on(signal, () => {
      if (stopping) return; // a second Ctrl-C while closing: the first one is already on it
      stopping = true;
      interrupted = true;
      stopLaunches();
      say(`Interrupted (${signal}): closing the browser and removing its temporary profile…`);
      const all = Promise.allSettled([...tasks].map((t) => Promise.resolve().then(t)));
      const limit = new Promise((r) => setTimeout(r, 5_000));
      void Promise.race([all, limit])
        .then(removeProfilesSettled)
        .finally(() => process.exit(CODES[signal]));
    });
  }
  process.on('exit', removeProfiles);
}
