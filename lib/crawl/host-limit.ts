// At most N pages of one host loading at once, whatever the total concurrency: a crawl of one site must not
// look like an attack to it, and a list of URLs on many hosts still goes as fast as the machine allows.

export type HostLimit = <T>(host: string, work: () => Promise<T>) => Promise<T>;

export function hostLimit(perHost: number): HostLimit {
  const running = new Map<string, number>();
  const waiting = new Map<string, Array<() => void>>();
  const release = (host: string) => {
    const next = waiting.get(host)?.shift();
    if (next)
      next(); // the slot passes straight to the next in line
    else running.set(host, (running.get(host) ?? 1) - 1);
  };
  return async (host, work) => {
    if ((running.get(host) ?? 0) < perHost) running.set(host, (running.get(host) ?? 0) + 1);
    else await new Promise<void>((go) => waiting.set(host, [...(waiting.get(host) ?? []), go]));
    try {
      return await work();
    } finally {
      release(host);
    }
  };
}
