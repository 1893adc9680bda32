import type { StoredHit } from '../store/types';

// A hit as a developer takes it elsewhere: to a ticket (JSON), a terminal (cURL: the same request again), a
// browser or a debugger (the URL).

export type CopyFormat = 'json' | 'curl' | 'url';

/** What a hit is, without Tagwatch's bookkeeping (request key, tab, frame). */
export function hitAsJson(hit: StoredHit): string {
  const { requestKey: _key, tabId: _tab, frameId: _frame, sessionId: _session, ...rest } = hit;
  const out = { ...rest, time: new Date(hit.at).toISOString() };
  return JSON.stringify(out, null, 2);
}

/** A word for a POSIX shell: in single quotes, a single quote written as '\'' . */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * What the browser's requests for these bodies carry: sendBeacon and fetch send a string as text/plain, the
 * JSON SDKs label theirs; Tagwatch does not record headers, so the body's shape decides.
 */
function contentType(body: string): string {
  const t = body.trimStart();
  return t.startsWith('{') || t.startsWith('[') ? 'application/json' : 'text/plain;charset=UTF-8';
}

/**
 * The request again, as curl sends it: method, URL, body. A body Tagwatch only has in part (truncated, binary,
 * withheld) cannot be sent again as it was: the command says so on a comment line first.
 */
export function hitAsCurl(hit: StoredHit): string {
  const lines: string[] = [];
  const partial: Partial<Record<StoredHit['bodyState'], string>> = {
    truncated: 'the body was cut at 64 KiB: this sends only its first part',
    binary: 'the body was binary and is not recorded: this sends none',
    missing: 'the browser withheld the body: this sends none',
  };
  const note = partial[hit.bodyState];
  if (note) lines.push(`# ${note}`);
  const parts = ['curl', shellQuote(hit.url)];
  const body = hit.bodyState === 'binary' || hit.bodyState === 'missing' ? undefined : hit.body;
  if (hit.method !== 'GET' && !(hit.method === 'POST' && body !== undefined)) parts.push('-X', hit.method);
  if (body !== undefined)
    parts.push('-H', shellQuote(`Content-Type: ${contentType(body)}`), '--data-raw', shellQuote(body));
  lines.push(parts.join(' '));
  return lines.join('\n');
}

export function copyHit(hit: StoredHit, format: CopyFormat): string {
  switch (format) {
    case 'json':
      return hitAsJson(hit);
    case 'curl':
      return hitAsCurl(hit);
    case 'url':
      return hit.url;
  }
}
