import { existsSync, rmSync } from 'node:fs';
import { liveProfiles } from '../browser';

// Whatever the audit started is undone on every way out: a normal end, an error, Ctrl-C (SIGINT), a CI
// runner's SIGTERM, a closed terminal (SIGHUP). Playwright kills the browsers on these signals; this closes
// them properly when it still can, and always removes their temporary profiles.

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

export function removeProfiles(): void {
  for (const dir of liveProfiles) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
      liveProfiles.delete(dir);
    } catch {
      // a browser still writing into it: the interrupt path tries again (removeProfilesSettled)
    }
  }
}

/**
 * On Ctrl-C the terminal signals Chromium too, and a browser shutting down may still write into its profile
 * after a first removal: remove until each profile has stayed gone for a moment, for at most a few seconds.
 */
async function removeProfilesSettled(): Promise<void> {
  const dirs = [...liveProfiles];
  const deadline = Date.now() + 4_000;
  for (;;) {
    for (const dir of dirs) {
      try {
        rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
      } catch {
        // written to while removed: the next round gets it
      }
    }
    await new Promise((r) => setTimeout(r, 300));
    if (dirs.every((d) => !existsSync(d)) || Date.now() > deadline) break;
  }
  for (const dir of dirs) if (!existsSync(dir)) liveProfiles.delete(dir);
}

const CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/** Install the handlers once; `say` tells the user what happens. */
export function handleInterrupts(say: (line: string) => void): void {
  let stopping = false;
  for (const signal of Object.keys(CODES) as NodeJS.Signals[]) {
    process.on(signal, () => {
      if (stopping) return; // a second Ctrl-C while closing: the first one is already on it
      stopping = true;
      interrupted = true;
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
