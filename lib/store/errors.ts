/** What the user is told when a write fails: the quota case says what to do, everything else says what happened. */
export function describeStoreError(error: unknown): string {
  const name =
    error instanceof Error || (typeof DOMException !== 'undefined' && error instanceof DOMException)
      ? (error as Error).name
      : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError' || /quota/i.test(message)) {
    return 'Tagwatch could not save new hits: the browser says storage is full. Free disk space or clear old sessions (popup → Clear); hits seen meanwhile are not recorded.';
  }
  return `Tagwatch could not save a hit: ${name ? `${name}: ` : ''}${message}`;
}
