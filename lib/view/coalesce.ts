export interface Coalesced {
  /** Ask for a run: the first one in a quiet period runs at once, a burst yields one more run at the end. */
  trigger: () => void;
  /** Forget a scheduled run (the page is closing). */
  cancel: () => void;
}

export interface CoalesceOptions {
  /**
   * Rest after a run for this many times as long as it took: a run that got slow (an audit of thousands of
   * hits) then takes at most 1 / (1 + restFactor) of the time, whatever the rate of triggers. Default 0.
   */
  restFactor?: number;
}

/**
 * Runs `run` at most once per `waitMs`, never two at a time, and always once more after the last trigger:
 * a burst of change notices becomes one re-query now and one when the burst is over.
 */
export function coalesce(
  run: () => Promise<void> | void,
  waitMs: number,
  onError: (error: unknown) => void = () => undefined,
  options: CoalesceOptions = {},
): Coalesced {
  const restFactor = options.restFactor ?? 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let dirty = false;
  let lastStart = -Infinity;
  let lastEnd = -Infinity;

  const schedule = () => {
    if (timer !== undefined || running || !dirty) return;
    const rest = lastEnd + restFactor * (lastEnd - lastStart);
    timer = setTimeout(fire, Math.max(0, lastStart + waitMs - Date.now(), rest - Date.now()));
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
      lastEnd = Date.now();
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
