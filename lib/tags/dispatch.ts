import type { TagDecoder } from './types';

/**
 * Host dispatch: which decoders to ask about a request. Most decoders only ever match on their vendor's own domains
 * (the registry's `hosts`); the any-host ones recognise their payload anywhere, but say by `pathMarks` what its path
 * must look like. For each hostname the candidates are worked out once, in registry order, and kept in a bounded
 * cache: a page talks to a few dozen hosts, and most of its requests are not tags. So turning a request away costs
 * one Map lookup and one pattern test on its path, however many decoders the registry holds.
 */
export interface Candidates {
  /** In registry order. */
  decoders: readonly TagDecoder[];
  /** Per decoder: asked only when its `pathMarks` find something in the path (an any-host decoder off its hosts). */
  marked: readonly boolean[];
  /** Whether any is marked: when none is, the path needs no test. */
  anyMarked: boolean;
  /** Whether any is not: one of them is asked whatever the path. */
  anyUnmarked: boolean;
}

const CANDIDATES_MAX = 2_000;
/** Longer hostnames (valid DNS names stop at 253) are worked out every time rather than kept. */
const CACHED_HOST_MAX = 253;

export class HostDispatch {
  readonly #decoders: readonly TagDecoder[];
  readonly #byDomain = new Map<string, TagDecoder[]>();
  /** The candidates of every host no decoder names: the any-host decoders, all marked. Shared by most hosts. */
  readonly #elsewhere: Candidates;
  readonly #cache = new Map<string, Candidates>();
  /** The marks of every any-host decoder in one pattern: a path it finds nothing in concerns none of them. */
  readonly #anyMark: RegExp;

  constructor(decoders: readonly TagDecoder[], hostsOf: (decoder: TagDecoder) => readonly string[]) {
    this.#decoders = decoders;
    for (const decoder of decoders) {
      for (const domain of hostsOf(decoder)) {
        const list = this.#byDomain.get(domain);
        if (list) list.push(decoder);
        else this.#byDomain.set(domain, [decoder]);
      }
    }
    const anyHost = decoders.filter((d) => d.anyHost);
    this.#elsewhere = {
      decoders: anyHost,
      marked: anyHost.map(() => true),
      anyMarked: anyHost.length > 0,
      anyUnmarked: false,
    };
    // A pattern that finds nothing when there is no any-host decoder.
    this.#anyMark = new RegExp(anyHost.map((d) => `(?:${d.pathMarks!.source})`).join('|') || '(?!)');
  }

  /** Whether `path` carries a mark of any any-host decoder. */
  marked(path: string): boolean {
    return this.#anyMark.test(path);
  }

  /** The decoders that can match on `host`: those naming it or a parent domain, and the any-host ones. */
  candidates(host: string): Candidates {
    const cached = this.#cache.get(host);
    if (cached !== undefined) return cached;
    let named: Set<TagDecoder> | undefined;
    // `host`, then each suffix after a dot: `a.b.facebook.com` → `b.facebook.com` → `facebook.com` → `com`.
    for (let at = -1; ; ) {
      const list = this.#byDomain.get(at < 0 ? host : host.slice(at + 1));
      if (list) for (const decoder of list) (named ??= new Set()).add(decoder);
      at = host.indexOf('.', at + 1);
      if (at < 0) break;
    }
    let candidates = this.#elsewhere;
    if (named) {
      const list = this.#decoders.filter((d) => d.anyHost || named.has(d));
      const marked = list.map((d) => !named.has(d));
      candidates = { decoders: list, marked, anyMarked: marked.includes(true), anyUnmarked: marked.includes(false) };
    }
    if (host.length <= CACHED_HOST_MAX) {
      if (this.#cache.size >= CANDIDATES_MAX) this.#cache.clear();
      this.#cache.set(host, candidates);
    }
    return candidates;
  }
}
