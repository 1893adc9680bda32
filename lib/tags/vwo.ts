import { domainIs, queryOf } from './params';
import { firstOf, pixelFields, pixelHit, scriptName } from './pixel';
import type { TagDecoder, TagHit } from './types';

// VWO (Wingify) testing. The SmartCode loads `https://dev.visualwebsiteoptimizer.com/j.php?a=<account id>&u=<page>…`
// (the account's settings and library in one script; newer SmartCode: `/tag/<account id>.js`, libraries such as
// `/lib/<account id>.js` and `/web/…/va.js`). Visitor tracking, in the classic form also documented for the
// server-side API: `/l.gif` (or `/server-side/track-user`) counts a visitor in a variation — `experiment_id`,
// `combination` (the variation), `u` (visitor uuid) — and `/c.gif` (or `/server-side/track-goal`) a conversion —
// `goal_id`, `r` (revenue). The event architecture sends `POST /events/t?en=<event>&a=<account id>` (`vwo_variationShown`,
// `vwo_syncVisitorProp`, custom events) with a JSON body `{ d: { event: { name, props }, visId, sessionId } }`.
// Accounts in the EU and India data centres send the same calls under `/eu01/…` and `/as01/…`. The account is
// `account_id` or `a`. `/server-side/settings` (the SDK's settings fetch) is not a hit.

const EVENTS: Readonly<Record<string, string>> = {
  '/l.gif': 'variation_shown',
  '/c.gif': 'goal',
  '/server-side/track-user': 'variation_shown',
  '/server-side/track-goal': 'goal',
  '/server-side/push': 'push',
  '/events/t': 'event',
};
const ACCOUNT_SCRIPT = /^\/(?:tag|lib)\/(\d+)\.js$/;
/** A data-centre prefix: `/eu01/events/t` is `/events/t` for an EU account. */
const REGION = /^\/[a-z]{2}\d{2}(?=\/)/;

function endpointPath(path: string): string {
  return path.charCodeAt(5) === 47 /* '/' */ ? path.replace(REGION, '') : path;
}
const NAMES: Readonly<Record<string, string>> = {
  experiment_id: 'campaign_id',
  combination: 'variation_id',
  u: 'visitor_id',
  sid: 'session_id',
  r: 'revenue',
  ap: 'platform',
  ed: 'extra_data',
  env: 'environment',
};
const SKIP: ReadonlySet<string> = new Set(['account_id', 'a', 'en', 'random']);

function isVwoHost(host: string): boolean {
  return domainIs(host, 'visualwebsiteoptimizer.com');
}

function library(url: URL): TagHit | undefined {
  const path = url.pathname;
  const account = queryOf(url).get('a') ?? ACCOUNT_SCRIPT.exec(path)?.[1];
  if (path === '/j.php' || path.endsWith('.js'))
    return {
      vendor: 'vwo',
      event: 'library_load',
      account: account ?? undefined,
      params: { script: scriptName(path) },
    };
  return undefined;
}

export const vwo: TagDecoder = {
  vendor: 'vwo',
  matches: (url) => {
    if (!isVwoHost(url.hostname)) return false;
    const path = url.pathname;
    return Object.hasOwn(EVENTS, endpointPath(path)) || path === '/j.php' || path.endsWith('.js');
  },
  decode: (url, req): TagHit[] => {
    const path = endpointPath(url.pathname);
    const kind = Object.hasOwn(EVENTS, path) ? EVENTS[path] : undefined;
    if (kind === undefined) {
      const lib = library(url);
      return lib ? [lib] : [];
    }
    const read = pixelFields(url, req);
    const account = firstOf(read.fields, 'account_id', 'a');
    if (kind !== 'event') return [pixelHit('vwo', read, { event: kind, account, names: NAMES, skip: SKIP })];
    // The event architecture: the event's own props are its params, not the envelope's dotted paths.
    const hit = pixelHit(
      'vwo',
      { ...read, json: {} },
      { event: firstOf(read.fields, 'en'), account, names: NAMES, skip: SKIP },
    );
    for (const [key, value] of Object.entries(read.json)) {
      if (key.startsWith('d.event.props.')) hit.params[key.slice('d.event.props.'.length)] = value;
      else if (key === 'd.visId') hit.params.visitor_id = value;
      else if (key === 'd.sessionId') hit.params.session_id = value;
      else if (key === 'd.event.name') hit.event ??= value;
    }
    return [hit];
  },
};
