/** Whether Tagwatch can watch a tab's page, and if not, why — in words for the popup. */
export type PageAccess = { ok: true } | { ok: false; message: string };

const STORE_HOSTS = ['chromewebstore.google.com', 'addons.mozilla.org', 'microsoftedge.microsoft.com'];

/** `url` is the tab's URL; undefined (not known yet, or not given to us) is taken as watchable. */
export function pageAccess(url: string | undefined): PageAccess {
  if (url === undefined || url === '') return { ok: true };
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { ok: true };
  }
  switch (u.protocol) {
    case 'http:':
    case 'https:': {
      const store =
        STORE_HOSTS.includes(u.hostname) || (u.hostname === 'chrome.google.com' && u.pathname.startsWith('/webstore'));
      return store
        ? {
            ok: false,
            message:
              'Tagwatch cannot see this page: browsers do not let extensions watch their extension store. Open a website to audit its tags.',
          }
        : { ok: true };
    }
    case 'file:':
      return { ok: true };
    default:
      return {
        ok: false,
        message: `Tagwatch cannot see this page: it is a browser page (${u.protocol}), and browsers do not let extensions watch those. Open a website to audit its tags.`,
      };
  }
}
