import { flatten, namedParams, type Query, queryOf, readBody, withForm } from './params';
import type { HitRequest, TagHit } from './types';
import type { VendorId } from './vendors';

// What most advertising pixels share: their fields arrive as a query string (an image or a GET), sometimes as a
// form or JSON body when the URL would be too long. The decoders name the event and the account; this reads the
// rest once, the same way for each of them.

export const BROKEN_BODY = 'body is not valid JSON (cut at the capture limit?): only the URL was read';

/** The query's fields followed by a form body's; a JSON body's fields come back apart, flattened. */
export interface PixelFields {
  fields: Query;
  json: Record<string, string>;
  partial?: string;
}

export function pixelFields(url: URL, req: HitRequest): PixelFields {
  const body = readBody(req.body);
  const fields = withForm(queryOf(url), body.kind === 'text' ? body.text : undefined);
  const json = body.kind === 'json' ? flatten(body.value) : {};
  return body.kind === 'broken' ? { fields, json, partial: BROKEN_BODY } : { fields, json };
}

/** The first of `keys` that the request carries with a value. */
export function firstOf(fields: Query, ...keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = fields.get(key);
    if (value) return value;
  }
  return undefined;
}

export interface PixelHitSpec {
  event?: string;
  account?: string;
  /** The vendor's short names, renamed for people. */
  names?: Readonly<Record<string, string>>;
  /** Fields already read into the event or the account, or that say nothing (cache busters). */
  skip?: ReadonlySet<string>;
}

/**
 * One hit from a pixel's fields. Empty fields are dropped: pixels send every field of their template, and a plan
 * asking whether `value` exists must not be told yes by `value=`.
 */
export function pixelHit(vendor: VendorId, read: PixelFields, spec: PixelHitSpec): TagHit {
  const entries: Array<[string, string]> = [];
  const pairs = read.fields.pairs;
  for (let i = 0; i < pairs.length; i += 2) if (pairs[i + 1] !== '') entries.push([pairs[i]!, pairs[i + 1]!]);
  for (const key in read.json) if (read.json[key] !== '') entries.push([key, read.json[key]!]);
  const hit: TagHit = {
    vendor,
    event: spec.event,
    account: spec.account,
    params: namedParams(entries, spec.names, spec.skip),
  };
  if (read.partial) hit.partial = read.partial;
  return hit;
}

/** The last path segment of a script URL, for the `script` param of a library load. */
export function scriptName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
