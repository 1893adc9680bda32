import {
  domainIs,
  flatten,
  isRecord,
  nameTable,
  parseJson,
  type Query,
  queryOf,
  readBody,
  str,
  withForm,
} from './params';
import type { TagDecoder, TagHit } from './types';

// AT Internet, now Piano Analytics. Two generations:
// - SmartTag (smarttag.js): `GET https://logc<N>.xiti.com/hit.xiti?s=<site id>&s2=<level 2>&p=<chapters::page>&
//   vtag=…&ptag=js&idclient=…&x<N>=<site custom variable>&…`; a click adds `type=click&click=A|N|S|T` (action,
//   navigation, exit, download) and names the click in `p`.
// - Piano Analytics SDK (piano-analytics.js): `POST https://<collection domain>/event?s=<site id>&idclient=<visitor>`
//   with JSON `{"events": [{"name": "page.display", "data": {"page": …, "page_chapter1": …}}]}` (or the same list
//   URL-encoded in an `events` query field on GET). Collection domains are assigned per customer under pa-cd.com.
// Both are read in Piano's event vocabulary, so a plan names one event whichever tag a site runs: a SmartTag page
// hit is `page.display`, its clicks `click.action`, `click.navigation`, `click.exit`, `click.download`. The account
// is the site id `s`. Libraries: `tag.aticdn.net/<site id>/smarttag.js`, `tag.aticdn.net/piano-analytics.js`.
// First-party collection domains are not recognised without a custom endpoint: `/event?s=` alone is too common.

const SMARTTAG_NAMES = nameTable({
  s2: 'level2',
  p: 'page',
  idclient: 'visitor_id',
  ref: 'referrer',
  r: 'screen',
  re: 'window',
  lng: 'language',
  vtag: 'tag_version',
  ptag: 'tag_platform',
});
const CLICKS = nameTable({ A: 'click.action', N: 'click.navigation', S: 'click.exit', T: 'click.download' });
const SKIP: ReadonlySet<string> = new Set(['s', 'type', 'click', 'ts', 'hl', 'col']);
const MAX_EVENTS = 100;

function isHitXiti(path: string): boolean {
  return path.endsWith('/hit.xiti');
}

function smartTagHit(fields: Query): TagHit {
  const type = fields.get('type');
  const click = fields.get('click');
  const event = type === 'click' ? (CLICKS[click ?? ''] ?? 'click') : (type ?? 'page.display');
  const params: Record<string, string> = {};
  for (const [key, value] of fields) if (!SKIP.has(key)) params[SMARTTAG_NAMES[key] ?? key] = value;
  return { vendor: 'at-internet', event, account: fields.get('s') ?? undefined, params };
}

function pianoHits(events: unknown, account: string | undefined, shared: Record<string, string>): TagHit[] {
  if (!Array.isArray(events)) return [{ vendor: 'at-internet', account, params: shared, partial: 'no list of events' }];
  return events.slice(0, MAX_EVENTS).map((e): TagHit => {
    if (!isRecord(e)) return { vendor: 'at-internet', account, params: shared, partial: 'an event is not an object' };
    return {
      vendor: 'at-internet',
      event: str(e.name),
      account,
      params: { ...shared, ...(isRecord(e.data) ? flatten(e.data) : {}) },
    };
  });
}

function library(url: URL): TagHit[] | undefined {
  const path = url.pathname;
  if (!domainIs(url.hostname, 'aticdn.net') || !path.endsWith('.js')) return undefined;
  const file = path.slice(path.lastIndexOf('/') + 1);
  if (file !== 'smarttag.js' && file !== 'piano-analytics.js') return undefined;
  const site = path.split('/')[1];
  return [
    {
      vendor: 'at-internet',
      event: 'library_load',
      account: site && /^\d+$/.test(site) ? site : undefined,
      params: { script: file },
    },
  ];
}

export const atInternet: TagDecoder = {
  vendor: 'at-internet',
  matches: (url) => {
    const path = url.pathname;
    if (path.endsWith('.js')) return library(url) !== undefined;
    const host = url.hostname;
    if (!domainIs(host, 'xiti.com') && !domainIs(host, 'pa-cd.com') && !domainIs(host, 'ati-host.net')) return false;
    return isHitXiti(path) || (path === '/event' && queryOf(url).has('s'));
  },
  decode: (url, req): TagHit[] => {
    const lib = library(url);
    if (lib) return lib;
    const path = url.pathname;
    const body = readBody(req.body);
    if (isHitXiti(path)) return [smartTagHit(withForm(queryOf(url), body.kind === 'text' ? body.text : undefined))];
    if (path !== '/event') return [];
    const account = queryOf(url).get('s') ?? undefined;
    const shared: Record<string, string> = {};
    const visitor = queryOf(url).get('idclient');
    if (visitor) shared.visitor_id = visitor;
    if (body.kind === 'json') return pianoHits(isRecord(body.value) ? body.value.events : body.value, account, shared);
    if (body.kind === 'broken')
      return [
        {
          vendor: 'at-internet',
          account,
          params: shared,
          partial: 'the body is not valid JSON (cut at the capture limit?)',
        },
      ];
    const inQuery = parseJson(queryOf(url).get('events') ?? undefined);
    return pianoHits(inQuery, account, shared);
  },
};
