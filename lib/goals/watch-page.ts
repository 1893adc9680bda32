import { describeElement } from './describe-element';
import { composedClosest, matchGoals, triggerNeeds, watchList, type Observation, type PageContext } from './match';
import type { Goal, GoalFiring } from './types';

/** The world the watcher runs in, passed in so tests can give it a happy-dom window and a fake clock. */
export interface WatchEnv {
  win: Window & typeof globalThis;
  /** Report a firing (the content script sends it to the worker). */
  fire: (firing: GoalFiring) => void;
  now: () => number;
  /** The page the goals are judged on: the top page's URL, even in a frame (a video in an embed). */
  pageUrl: () => string;
}

export interface PageWatcher {
  /** The active goals changed (plan edited, SPA route change): listeners are re-installed to match. */
  setGoals: (goals: readonly Goal[]) => void;
  /** Observations from outside the DOM (the page hooks' dataLayer events, route changes). */
  observe: (obs: Observation) => void;
  stop: () => void;
}

const LISTEN = { capture: true, passive: true } as const;

function eventTarget(event: Event): Element | undefined {
  // The original target inside open shadow roots, not the retargeted host.
  const first = event.composedPath()[0];
  return first && (first as Node).nodeType === 1 ? (first as Element) : undefined;
}

function detailOf(obs: Observation): Record<string, string> | undefined {
  switch (obs.kind) {
    case 'datalayer':
      return { event: obs.event, source: obs.source };
    case 'scroll':
      return { percent: String(obs.percent) };
    case 'time':
      return { seconds: String(obs.seconds) };
    case 'video':
      return { action: obs.action, ...(obs.percent !== undefined ? { percent: String(obs.percent) } : {}) };
    case 'page_view':
      return { url: obs.url, virtual: String(obs.virtual) };
    case 'click':
      return obs.link ? { href: obs.link.href } : undefined;
    case 'submit':
    case 'visible':
      return undefined;
  }
}

/** The same list as match.ts uses for text triggers: what a click on a node inside a control means. */
const CLICKABLE = 'a[href], area[href], button, [role=button], [role=link], [role=menuitem], [role=tab], input[type=submit], input[type=button], input[type=image], summary, label';
const LINK = 'a[href], area[href]';

/**
 * The element a firing describes: for a click, what the trigger matched — the `.add-to-cart` button, the
 * link — not the icon or the word inside it that took the click (`circle`, `strong` help no one find it).
 */
function subjectOf(goal: Goal, obs: Observation): Element | undefined {
  const el = elementOf(obs);
  if (!el || obs.kind !== 'click') return el;
  const t = goal.trigger;
  const want = t.kind === 'click' ? (t.selector ?? CLICKABLE) : LINK;
  return composedClosest(el, want) ?? el;
}

function elementOf(obs: Observation): Element | undefined {
  switch (obs.kind) {
    case 'submit':
      return obs.form;
    case 'click':
    case 'visible':
      return obs.element;
    case 'video':
      return obs.element;
    default:
      return undefined;
  }
}

/**
 * Watch one document for the triggers of the active goals. Only the listeners the goals need are installed,
 * all passive and in the capture phase; thresholds (scroll, time, visibility, video progress) fire once per
 * page, clicks and submits every time they happen.
 */
export function watchPage(env: WatchEnv): PageWatcher {
  const { win } = env;
  const doc = win.document;
  let goals: readonly Goal[] = [];
  let cleanup: Array<() => void> = [];
  /** Threshold goals already fired on this page (reset by a route change). */
  const firedOnce = new Set<string>();
  const videoMarks = new WeakMap<Element, Set<number>>();
  /** Video progress goals already fired, per video: a 50% goal must not fire again on the 75% report. */
  const videoFired = new WeakMap<Element, Set<string>>();
  const shadowRoots = new WeakSet<ShadowRoot>();

  const page = (): PageContext => {
    const url = env.pageUrl();
    let origin = win.location.origin;
    try {
      origin = new URL(url).origin;
    } catch {
      /* keep the frame's origin */
    }
    return { url, origin };
  };

  const onceKey = (goal: Goal, obs: Observation): string | undefined => {
    switch (obs.kind) {
      case 'scroll':
      case 'time':
      case 'visible':
        return goal.id;
      case 'page_view':
        return `${goal.id}@${obs.url}`;
      default:
        return undefined;
    }
  };

  const observe = (obs: Observation) => {
    let matched: Goal[];
    try {
      matched = matchGoals(goals, obs, page());
    } catch {
      return; // a hostile DOM (throwing getters) must not break the watcher
    }
    for (const goal of matched) {
      const key = onceKey(goal, obs);
      if (key) {
        if (firedOnce.has(key)) continue;
        firedOnce.add(key);
      }
      if (obs.kind === 'video' && obs.action === 'progress' && obs.element) {
        const fired = videoFired.get(obs.element) ?? new Set<string>();
        videoFired.set(obs.element, fired);
        if (fired.has(goal.id)) continue;
        fired.add(goal.id);
      }
      const el = subjectOf(goal, obs);
      const detail = detailOf(obs);
      env.fire({
        goalId: goal.id,
        goalName: goal.name,
        trigger: goal.trigger.kind,
        at: env.now(),
        url: page().url,
        ...(win.top !== win ? { frameUrl: win.location.href } : {}),
        ...(el ? { element: describeElement(el) } : {}),
        ...(detail ? { detail } : {}),
      });
    }
  };

  const listen = <K extends keyof DocumentEventMap>(target: EventTarget, type: K | string, fn: (e: Event) => void) => {
    const safe = (e: Event) => {
      try {
        fn(e);
      } catch {
        /* never let our listener throw into the page */
      }
    };
    target.addEventListener(type, safe, LISTEN);
    cleanup.push(() => target.removeEventListener(type, safe, LISTEN));
  };

  const onSubmit = (e: Event) => {
    const form = eventTarget(e);
    if (form?.localName === 'form') observe({ kind: 'submit', form });
  };

  /** `submit` does not leave a shadow root: listen on each open shadow root the visitor interacts with. */
  const adoptShadowRoots = (e: Event) => {
    for (const node of e.composedPath()) {
      if (node instanceof win.ShadowRoot && !shadowRoots.has(node)) {
        shadowRoots.add(node);
        listen(node, 'submit', onSubmit);
      }
    }
  };

  const install = () => {
    const needs = triggerNeeds(goals);
    const list = watchList(goals);
    if (needs.has('submit')) {
      listen(doc, 'submit', onSubmit);
      listen(doc, 'focusin', adoptShadowRoots);
      listen(doc, 'pointerdown', adoptShadowRoots);
    }
    if (needs.has('click')) {
      listen(doc, 'click', (e) => {
        const el = eventTarget(e);
        if (!el) return;
        const a = composedClosest(el, 'a[href], area[href]');
        // getAttribute, not .href: an SVG <a>'s href is an object, not a string.
        const href = a?.getAttribute('href');
        let link: { href: string; download: boolean } | undefined;
        if (a && href !== null && href !== undefined) {
          try {
            link = { href: new URL(href, a.baseURI).href, download: a.hasAttribute('download') };
          } catch {
            link = undefined;
          }
        }
        observe({ kind: 'click', element: el, ...(link ? { link } : {}) });
      });
    }
    if (needs.has('video')) {
      // Media events do not bubble, but they do pass the document in the capture phase.
      listen(doc, 'play', (e) => {
        const el = eventTarget(e);
        if (el) observe({ kind: 'video', action: 'play', element: el });
      });
      listen(doc, 'ended', (e) => {
        const el = eventTarget(e);
        if (el) observe({ kind: 'video', action: 'complete', percent: 100, element: el });
      });
      if (list.videoPercents.length > 0) {
        listen(doc, 'timeupdate', (e) => {
          const el = eventTarget(e) as HTMLMediaElement | undefined;
          if (!el || !Number.isFinite(el.duration) || el.duration <= 0) return;
          const percent = (el.currentTime / el.duration) * 100;
          const marks = videoMarks.get(el) ?? new Set<number>();
          videoMarks.set(el, marks);
          for (const p of list.videoPercents) {
            if (percent >= p && !marks.has(p)) {
              marks.add(p);
              observe({ kind: 'video', action: 'progress', percent: p, element: el });
            }
          }
        });
      }
      // The YouTube iframe API reports state changes to the embedding page (1 = playing, 0 = ended).
      listen(win, 'message', (e) => {
        const m = e as MessageEvent;
        if (typeof m.data !== 'string' || !/^https:\/\/(www\.)?youtube(-nocookie)?\.com$/.test(m.origin)) return;
        const data = JSON.parse(m.data) as { event?: string; info?: unknown };
        if (data.event !== 'onStateChange') return;
        const frame = Array.from(doc.querySelectorAll('iframe')).find((f) => f.contentWindow === m.source);
        if (data.info === 1) observe({ kind: 'video', action: 'play', ...(frame ? { element: frame } : {}) });
        if (data.info === 0) observe({ kind: 'video', action: 'complete', percent: 100, ...(frame ? { element: frame } : {}) });
      });
    }
    if (needs.has('scroll') && list.scrollPercents.length > 0) {
      let pending = false;
      listen(win, 'scroll', () => {
        if (pending) return;
        pending = true;
        win.requestAnimationFrame(() => {
          pending = false;
          const el = doc.scrollingElement ?? doc.documentElement;
          const percent = el.scrollHeight > 0 ? Math.min(100, ((win.scrollY + win.innerHeight) / el.scrollHeight) * 100) : 100;
          for (const p of list.scrollPercents) if (percent >= p) observe({ kind: 'scroll', percent: p });
        });
      });
    }
    if (needs.has('time')) {
      for (const seconds of list.timeSeconds) {
        const timer = win.setTimeout(() => observe({ kind: 'time', seconds }), seconds * 1000);
        cleanup.push(() => win.clearTimeout(timer));
      }
    }
    if (needs.has('visible') && list.visibleSelectors.length > 0 && 'IntersectionObserver' in win) {
      const io = new win.IntersectionObserver((entries) => {
        for (const entry of entries) if (entry.isIntersecting) observe({ kind: 'visible', element: entry.target });
      });
      const watched = new WeakSet<Element>();
      const scan = (): void => {
        for (const selector of list.visibleSelectors) {
          let found: NodeListOf<Element>;
          try {
            found = doc.querySelectorAll(selector);
          } catch {
            continue;
          }
          found.forEach((el) => {
            if (!watched.has(el)) {
              watched.add(el);
              io.observe(el);
            }
          });
        }
      };
      // Elements rendered later (SPAs, lazy sections): rescan at most once a second. The observer starts once
      // the page has loaded: during parsing every inserted node would call it, on the page's hot path.
      let queued = false;
      const mo = new win.MutationObserver(() => {
        if (queued) return;
        queued = true;
        win.setTimeout(() => {
          queued = false;
          scan();
        }, 1000);
      });
      const startObserving = () => {
        scan();
        if (doc.documentElement) mo.observe(doc.documentElement, { childList: true, subtree: true });
      };
      if (doc.readyState === 'complete') startObserving();
      else {
        listen(doc, 'DOMContentLoaded', scan);
        listen(win, 'load', startObserving);
      }
      cleanup.push(() => {
        io.disconnect();
        mo.disconnect();
      });
    }
  };

  const stop = () => {
    for (const fn of cleanup) fn();
    cleanup = [];
  };

  return {
    setGoals(next) {
      goals = next;
      stop();
      install();
    },
    observe(obs) {
      if (obs.kind === 'page_view' && obs.virtual) {
        // A new route is a new page for thresholds: scroll and time count again.
        firedOnce.clear();
      }
      observe(obs);
    },
    stop,
  };
}
