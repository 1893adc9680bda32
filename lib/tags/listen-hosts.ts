import { DECODERS } from './registry';
import { VENDOR_DOMAINS, VENDORS } from './vendors';

/** The hosts of the vendors whose SDKs send their account in a Basic `Authorization` header. */
const AUTH_HOSTS: readonly string[] = DECODERS.filter((d) => d.accountInBasicAuth).flatMap(
  (d) => VENDORS[d.vendor].hosts,
);

// The hosts whose requests' outcomes the worker listens for. Every request goes through onBeforeRequest (that is
// where hits are found); the later events of a request — its headers, its completion, its error — are only worth
// their dispatch for requests that carried hits. Those are on the registry's hosts, or on a host an any-host
// decoder recognised at run time (a first-party collector, a server-side container, a custom endpoint): the
// worker learns those as it meets them.

/** At most this many learned hosts: past it the oldest is forgotten (its outcomes are learned again when met). */
export const MAX_LEARNED_HOSTS = 500;

/** Whether `hostname` is `host` or one of its subdomains. */
function under(hostname: string, host: string): boolean {
  return (
    hostname === host ||
    (hostname.length > host.length && hostname.endsWith(host) && hostname[hostname.length - host.length - 1] === '.')
  );
}

/** A host learned: the pattern to listen to from now on, and the host forgotten to make room for it, if any. */
export interface Learned {
  pattern: string;
  forgotten?: string;
}

export interface ListenHosts {
  /** The registry's hosts (with subdomains) as match patterns: one set of listeners, registered once. */
  registry: () => string[];
  /**
   * The registry's hosts of the vendors whose SDKs send their account as Basic auth (Segment, RudderStack): the
   * only ones whose request headers are read. Learned hosts are read too (a first-party proxy of either).
   */
  authRegistry: () => string[];
  /** Every pattern listened to now: the registry's and the learned hosts'. */
  patterns: () => string[];
  /**
   * A request on `hostname` carried hits. A host not covered yet is learned: the caller adds listeners for its
   * pattern (and removes the forgotten host's). A host already covered gives `undefined`.
   *
   * Learned hosts get listeners of their own rather than one set re-registered with a longer list: between a
   * removal and the next addition the browser has no listener, and a request completing then (a vendor's
   * beacon in flight while a first-party collector is learned) lost its outcome and stayed `pending`.
   */
  learn: (hostname: string) => Learned | undefined;
}

/** A name a match pattern can hold as `*.name`: a DNS name, not an IP address or a bracketed IPv6 one. */
const DNS_NAME = /^(?=.*[a-z])[a-z\d.-]+$/;

export function listenHosts(
  registry: readonly string[] = VENDOR_DOMAINS,
  authHosts: readonly string[] = AUTH_HOSTS,
): ListenHosts {
  const learned = new Set<string>();
  const covered = (hostname: string) => registry.some((h) => under(hostname, h)) || learned.has(hostname);
  const withSubdomains = (host: string) => (DNS_NAME.test(host) ? `*://*.${host}/*` : `*://${host}/*`);
  const exact = (host: string) => `*://${host}/*`;
  return {
    registry: () => registry.map(withSubdomains),
    authRegistry: () => authHosts.filter((h) => registry.includes(h)).map(withSubdomains),
    patterns: () => [...registry.map(withSubdomains), ...[...learned].map(exact)],
    learn(hostname) {
      const host = hostname.toLowerCase();
      if (host === '' || covered(host)) return undefined;
      learned.add(host);
      let forgotten: string | undefined;
      if (learned.size > MAX_LEARNED_HOSTS) {
        forgotten = learned.values().next().value as string;
        learned.delete(forgotten);
      }
      return { pattern: exact(host), ...(forgotten !== undefined ? { forgotten } : {}) };
    },
  };
}
