import { bodyFields, domainIs, queryOf } from './params';
import type { TagDecoder, TagHit } from './types';

// Crazy Egg. The tracking script is `https://script.crazyegg.com/pages/scripts/<NNNN>/<NNNN>.js` — the two folders
// are the account number split in half (`0012/3456` is account 00123456), sometimes with an hourly cache-buster
// query. The script records clicks and scrolls only on pages with an active snapshot or recording, so a page
// without any Crazy Egg traffic after the load is normal. Crazy Egg does not document its collection requests: what
// it sends goes to `tracking.crazyegg.com`, and each such request is read as one hit named by its first path
// segment, with its query and form or JSON body as params, rather than guessing at names the docs do not give.
// Support modules under `script.crazyegg.com/pages/versioned/…` are parts of the script, not loads of their own.

const SCRIPT = /^\/pages\/scripts\/(\d{4})\/(\d{4})\.js$/;
const TRACKING = 'tracking.crazyegg.com';

export const crazyEgg: TagDecoder = {
  vendor: 'crazy-egg',
  matches: (url) => {
    const host = url.hostname;
    if (!domainIs(host, 'crazyegg.com')) return false;
    if (host === TRACKING) return url.pathname.length > 1;
    return SCRIPT.test(url.pathname);
  },
  decode: (url, req): TagHit[] => {
    const path = url.pathname;
    const script = SCRIPT.exec(path);
    if (script)
      return [
        {
          vendor: 'crazy-egg',
          event: 'library_load',
          account: `${script[1]}${script[2]}`,
          params: { script: path.slice(1) },
        },
      ];
    if (url.hostname !== TRACKING) return [];
    const params: Record<string, string> = { path };
    for (const [key, value] of queryOf(url)) params[key] = value;
    Object.assign(params, bodyFields(req.body));
    const segment = path.split('/').find(Boolean);
    return [{ vendor: 'crazy-egg', event: segment, params }];
  },
};
