import {
  domainIs,
  flatten,
  isRecord,
  namedParams,
  nameTable,
  queryOf,
  readBody,
  str,
  unreadJsonReason,
  withForm,
} from './params';
import type { TagDecoder, TagHit } from './types';

// Adobe Target. at.js 2.x calls the Delivery API: `POST https://<client code>.tt.omtrdc.net/rest/v1/delivery?
// client=<client code>&sessionId=<id>&version=2.x` with JSON `{requestId, context, id: {tntId, marketingCloudVisitorId},
// execute: {pageLoad: {parameters}, mboxes: [{index, name, parameters}]}, prefetch: {views, mboxes},
// notifications: [{id, type: 'display'|'click', mbox: {name}, view: {name}}]}`. The account is the client code
// (Target's Administration > Implementation). One hit per thing the request asks or reports: the page load
// (`page_load`), each executed mbox (its name), each notification (`display` / `click`), a prefetch (`prefetch`).
// at.js 1.x and mbox.js: `GET https://<client>.tt.omtrdc.net/m2/<client>/mbox/json?mbox=<name>&mboxSession=…&mboxPC=…`
// (also `/mbox/ajax`, `/mbox/standard`, `/ubox/…`): one hit named by `mbox`, `mbox…` fields renamed, the rest
// (profile.* and mbox parameters) kept. Library: at.js / mbox.js when served from Target's own hosts (self-hosted
// copies have names too common to claim). Target behind a CNAME is not recognised without a custom endpoint.

const MBOX_PATH = /^\/m2\/([^/]+)\/(?:mbox|ubox)\/([a-z]+)/;
const LIBRARIES: ReadonlySet<string> = new Set(['at.js', 'at.min.js', 'mbox.js']);
const MBOX_NAMES = nameTable({
  mboxSession: 'session_id',
  mboxPC: 'tnt_id',
  mboxPage: 'page_id',
  mboxHost: 'host',
  mboxURL: 'page_url',
  mboxReferrer: 'referrer',
  mboxVersion: 'library_version',
  mboxMCGVID: 'ecid',
  mboxTime: 'time',
  mboxCount: 'count',
});
const MAX_HITS = 100;

function clientFromHost(host: string): string | undefined {
  const at = host.indexOf('.tt.omtrdc.net');
  return at > 0 ? host.slice(0, at) : undefined;
}

/** An mbox's or the page load's `parameters`, as `parameters.<name>`. */
function parametersOf(value: unknown): Record<string, string> {
  return isRecord(value) ? flatten(value, 'parameters') : {};
}

function sharedParams(url: URL, json: Record<string, unknown>): Record<string, string> {
  const params: Record<string, string> = {};
  const sessionId = queryOf(url).get('sessionId');
  if (sessionId) params.session_id = sessionId;
  const version = queryOf(url).get('version');
  if (version) params.library_version = version;
  if (isRecord(json.id)) {
    const tnt = str(json.id.tntId);
    const ecid = str(json.id.marketingCloudVisitorId);
    if (tnt) params.tnt_id = tnt;
    if (ecid) params.ecid = ecid;
  }
  if (isRecord(json.context) && isRecord(json.context.address)) {
    const page = str(json.context.address.url);
    if (page) params.page_url = page;
  }
  return params;
}

function deliveryHits(url: URL, account: string | undefined, json: Record<string, unknown>): TagHit[] {
  const shared = sharedParams(url, json);
  const hits: TagHit[] = [];
  const add = (event: string, extra: Record<string, string>): void => {
    if (hits.length < MAX_HITS) hits.push({ vendor: 'adobe-target', event, account, params: { ...shared, ...extra } });
  };
  const execute = isRecord(json.execute) ? json.execute : undefined;
  if (execute && isRecord(execute.pageLoad)) add('page_load', parametersOf(execute.pageLoad.parameters));
  if (execute && Array.isArray(execute.mboxes)) {
    for (const box of execute.mboxes) {
      if (!isRecord(box)) continue;
      add(str(box.name) ?? 'mbox', { mbox: str(box.name) ?? '', ...parametersOf(box.parameters) });
    }
  }
  if (isRecord(json.prefetch)) {
    const names: string[] = [];
    for (const list of [json.prefetch.mboxes, json.prefetch.views]) {
      if (Array.isArray(list)) for (const item of list) if (isRecord(item)) names.push(str(item.name) ?? '');
    }
    add('prefetch', names.some(Boolean) ? { prefetched: names.filter(Boolean).join(',') } : {});
  }
  if (Array.isArray(json.notifications)) {
    for (const note of json.notifications) {
      if (!isRecord(note)) continue;
      const extra: Record<string, string> = {};
      const mbox = isRecord(note.mbox) ? str(note.mbox.name) : undefined;
      const view = isRecord(note.view) ? str(note.view.name) : undefined;
      if (mbox) extra.mbox = mbox;
      if (view) extra.view = view;
      if (Array.isArray(note.tokens)) extra.tokens = note.tokens.map((t) => str(t) ?? '').join(',');
      add(str(note.type) ?? 'notification', extra);
    }
  }
  return hits;
}

export const adobeTarget: TagDecoder = {
  vendor: 'adobe-target',
  matches: (url) => {
    if (!domainIs(url.hostname, 'tt.omtrdc.net')) return false;
    const path = url.pathname;
    return (
      path === '/rest/v1/delivery' || path.startsWith('/m2/') || LIBRARIES.has(path.slice(path.lastIndexOf('/') + 1))
    );
  },
  decode: (url, req): TagHit[] => {
    const path = url.pathname;
    const file = path.slice(path.lastIndexOf('/') + 1);
    if (LIBRARIES.has(file))
      return [
        {
          vendor: 'adobe-target',
          event: 'library_load',
          account: clientFromHost(url.hostname),
          params: { script: file },
        },
      ];
    if (path === '/rest/v1/delivery') {
      const account = queryOf(url).get('client') ?? clientFromHost(url.hostname);
      const body = readBody(req.body);
      if (body.kind !== 'json' || !isRecord(body.value)) {
        const partial = unreadJsonReason(body);
        return [{ vendor: 'adobe-target', account, params: {}, partial }];
      }
      const hits = deliveryHits(url, account, body.value);
      return hits.length > 0 ? hits : [{ vendor: 'adobe-target', account, params: sharedParams(url, body.value) }];
    }
    const m = MBOX_PATH.exec(path);
    if (!m) return [];
    const fields = withForm(queryOf(url), req.body && !req.body.trimStart().startsWith('{') ? req.body : undefined);
    const params = namedParams(fields, MBOX_NAMES, new Set(['mbox']));
    params.mbox_type = m[2]!;
    return [{ vendor: 'adobe-target', event: fields.get('mbox') ?? undefined, account: m[1], params }];
  },
};
