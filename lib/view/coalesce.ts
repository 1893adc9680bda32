export interface Coalesced {
  /** Ask for a run: the first one in a quiet period runs at once, a burst yields one more run at the end. */
  trigger: () => void;
  /** Forget a scheduled run (the page is closing). */
  cancel: () => void;
}

/**
 * Runs `run` at most once per `waitMs`, never two at a time, and always once more after the last trigger:
 * a burst of change notices becomes one re-query now and one when the burst is over.
 */
export function coalesce(run: () => Promise<void> | void, waitMs: number, onError: (error: unknown) => void = () => undefined): Coalesced {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let dirty = false;
  let lastStart = -Infinity;

  const schedule = () => {
    if (timer !== undefined || running || !dirty) return;
    timer = setTimeout(fire, Math.max(0, lastStart + waitMs - Date.now()));
  };

  const fire = async () => {
    timer = undefined;
    dirty = false;
    running = true;
    lastStart = Date.now();
    try {
      await run();
    } catch (error) {
      onError(error);
    } finally {
      running = false;
      schedule();
    }
  };

  return {
    trigger() {
      dirty = true;
      schedule();
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      dirty = false;
    },
  };
}
