// Durations, clock times, counts and lists, the same way on every surface.

/** 2000 → `2 s`, 500 → `0.5 s`, 90000 → `90 s`; 2 → `less than 0.1 s` (not `0 s`: two hits 2 ms apart are not simultaneous). */
export function seconds(ms: number): string {
  const s = Math.round(ms / 100) / 10;
  return s === 0 && ms > 0 ? 'less than 0.1 s' : `${s} s`;
}

// Building an Intl.DateTimeFormat costs ~0.1 ms; an audit of a busy page formats thousands of times.
const FORMATS = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let format = FORMATS.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZone,
    });
    FORMATS.set(key, format);
  }
  return format;
}

/**
 * `10:42:03` in the given IANA time zone (the viewer's own when absent: a popup shows local time).
 * Reports and tests pass a zone so the words do not depend on the machine that wrote them.
 */
export function clock(at: number, timeZone?: string): string {
  if (!Number.isFinite(at)) return '??:??:??';
  try {
    return formatFor(timeZone).format(at);
  } catch {
    // An unknown zone name: UTC is still a true time, and says so.
    return `${new Date(at).toISOString().slice(11, 19)} UTC`;
  }
}

/** Names in a list: `a`, `a and b`, `a, b and c`. */
export function listWords(items: readonly string[], last = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]!}`;
}

/** `1 hit`, `3 hits`, `5,000 hits`. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** The first letter upper-cased: a clause made into a sentence or a label. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
