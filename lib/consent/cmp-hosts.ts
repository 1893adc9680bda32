// The consent managers whose own state Tagwatch reads (lib/page/cmp-hooks.ts), by the hosts their scripts load
// from: the worker injects the reader into a frame only when it requests one of these, so pages without them
// never pay for it. Sites that self-host a CMP's script still announce it through Consent Mode or the TCF API.

export type CmpName = 'onetrust' | 'cookiebot' | 'usercentrics' | 'didomi';

export const CMP_HOSTS: Readonly<Record<CmpName, readonly string[]>> = {
  onetrust: ['cookielaw.org', 'onetrust.com'],
  cookiebot: ['cookiebot.com', 'cookiebot.eu'],
  usercentrics: ['usercentrics.eu', 'usercentrics.com'],
  didomi: ['privacy-center.org', 'didomi.io'],
};

/** webRequest URL patterns for those hosts and their subdomains. */
export const CMP_URL_PATTERNS: readonly string[] = Object.values(CMP_HOSTS)
  .flat()
  .flatMap((h) => [`*://${h}/*`, `*://*.${h}/*`]);

/** The CMP a script URL belongs to, if any. */
export function cmpOfUrl(url: string): CmpName | undefined {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  for (const [name, hosts] of Object.entries(CMP_HOSTS) as Array<[CmpName, readonly string[]]>) {
    if (hosts.some((d) => host === d || host.endsWith(`.${d}`))) return name;
  }
  return undefined;
}
