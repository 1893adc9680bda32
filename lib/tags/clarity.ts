import { domainIs, parseJson, str } from './params';
import type { TagDecoder, TagHit } from './types';

// Microsoft Clarity: the snippet loads `https://www.clarity.ms/tag/<project id>`, which loads the recorder
// `https://www.clarity.ms/s/<version>/clarity.js` (also `scripts.clarity.ms/<version>/clarity.js`); Microsoft UET can
// load it as `www.clarity.ms/tag/uet/<UET tag id>`. Recordings upload as `POST https://<x>.clarity.ms/collect`:
// gzip-compressed while the page lives, plain JSON for the last upload (sendBeacon):
// `{"e":[version, sequence, start, duration, projectId, userId, sessionId, pageNum, upload, end], "a":[…], "p":[…]}`.
// The envelope `e` comes first and is short, so it is read from the head of the body even when the rest is cut
// off; a compressed body yields a hit marked partial. `c.clarity.ms/c.gif` syncs a cookie and is not a hit.

const ENVELOPE = /^\s*\{\s*"e"\s*:\s*(\[[^\]]{0,2000}\])/;

function library(path: string): TagHit | undefined {
  if (path.startsWith('/tag/')) {
    const parts = path.slice('/tag/'.length).split('/').filter(Boolean);
    if (parts[0] === 'uet')
      return { vendor: 'clarity', event: 'library_load', params: { script: 'tag', uet_tag_id: parts[1] ?? '' } };
    return parts[0]
      ? { vendor: 'clarity', event: 'library_load', account: parts[0], params: { script: 'tag' } }
      : undefined;
  }
  if (path.endsWith('/clarity.js')) {
    const parts = path.split('/').filter(Boolean);
    return {
      vendor: 'clarity',
      event: 'library_load',
      params: { script: 'clarity.js', version: parts[parts.length - 2] ?? '' },
    };
  }
  return undefined;
}

function collect(body: string | undefined): TagHit {
  const hit: TagHit = { vendor: 'clarity', event: 'collect', params: {} };
  if (!body) {
    hit.partial = 'no readable body (Clarity compresses its uploads)';
    return hit;
  }
  const envelope = parseJson(ENVELOPE.exec(body)?.[1]);
  if (!Array.isArray(envelope)) {
    hit.partial = 'compressed body';
    return hit;
  }
  hit.account = str(envelope[4]);
  const fields: Array<[string, unknown]> = [
    ['version', envelope[0]],
    ['sequence', envelope[1]],
    ['user_id', envelope[5]],
    ['session_id', envelope[6]],
    ['page_num', envelope[7]],
    ['last_upload', envelope[9] === 1 ? 'true' : envelope[9] === 0 ? 'false' : undefined],
  ];
  for (const [name, value] of fields) {
    const text = str(value);
    if (text !== undefined) hit.params[name] = text;
  }
  return hit;
}

export const clarity: TagDecoder = {
  vendor: 'clarity',
  matches: (url) => {
    if (!domainIs(url.hostname, 'clarity.ms')) return false;
    const path = url.pathname;
    return path === '/collect' || library(path) !== undefined;
  },
  decode: (url, req): TagHit[] => {
    const path = url.pathname;
    if (path === '/collect') return [collect(req.body)];
    const lib = library(path);
    return lib ? [lib] : [];
  },
};
