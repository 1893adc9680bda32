import { domainIs, isRecord, nameTable, type Query, queryOf, readBody, str } from './params';
import type { TagDecoder, TagHit } from './types';

// FullStory records sessions. The snippet loads `https://edge.fullstory.com/s/fs.js` (with `window['_fs_org']`),
// which fetches its settings (`edge.fullstory.com/s/settings/<org>/v1/web`: configuration, not a hit) and then
// starts a page: `POST https://rs.fullstory.com/rec/page` (JSON with OrgId, UserId, Url, Referrer, the viewport),
// then streams recording bundles, `POST https://rs.fullstory.com/rec/bundle[/v2]?OrgId=<org>&UserId=…&SessionId=…&
// PageId=…&Seq=<n>`. Custom events (`FS.event`) travel inside bundles, usually compressed, so they are not read one by
// one. The account is the Org ID. EU data centre hosts (`rs.eu1.fullstory.com`, `edge.eu1.fullstory.com`) are the same.

const NAMES = nameTable({
  OrgId: 'org_id',
  UserId: 'user_id',
  SessionId: 'session_id',
  PageId: 'page_id',
  Seq: 'sequence',
  Url: 'page_url',
  Referrer: 'referrer',
  Base: 'base_url',
  Width: 'width',
  Height: 'height',
  ScreenWidth: 'screen_width',
  ScreenHeight: 'screen_height',
  IsNewSession: 'new_session',
});
const SKIP: ReadonlySet<string> = new Set(['OrgId']);

function fieldsOf(query: Query, body: string | undefined): { params: Record<string, string>; org: string | undefined } {
  const params: Record<string, string> = {};
  let org = query.get('OrgId') ?? undefined;
  for (const [key, value] of query) if (!SKIP.has(key)) params[NAMES[key] ?? key] = value;
  const read = readBody(body);
  if (read.kind === 'json' && isRecord(read.value)) {
    for (const [key, value] of Object.entries(read.value)) {
      const text = str(value);
      if (text === undefined) continue;
      if (key === 'OrgId') org ??= text;
      else if (Object.hasOwn(NAMES, key)) params[NAMES[key]!] = text;
    }
  }
  return { params, org };
}

export const fullstory: TagDecoder = {
  vendor: 'fullstory',
  matches: (url) => {
    if (!domainIs(url.hostname, 'fullstory.com')) return false;
    const path = url.pathname;
    return path === '/rec/page' || path.startsWith('/rec/bundle') || path === '/s/fs.js';
  },
  decode: (url, req): TagHit[] => {
    const path = url.pathname;
    if (path === '/s/fs.js') return [{ vendor: 'fullstory', event: 'library_load', params: { script: 'fs.js' } }];
    const { params, org } = fieldsOf(queryOf(url), path === '/rec/page' ? req.body : undefined);
    return [{ vendor: 'fullstory', event: path === '/rec/page' ? 'page_view' : 'recording', account: org, params }];
  },
};
