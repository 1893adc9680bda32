import { describeElement } from './describe-element';
import {
  closestClickable,
  composedClosest,
  LINK,
  matchGoals,
  triggerNeeds,
  watchList,
  type Observation,
  type PageContext,
} from './match';
import { safely } from './safely';
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
  /**
   * A DOM event that happened before the watcher was there (the page hooks held it): handled as the listener for
   * its type would have, with the time it happened.
   */
  replay: (type: string, element: Element, at: number) => void;
}

const LISTEN = { capture: true, passive: true } as const;

/**
 * What a firing reports beside its element: the observation's own plain values (the event and its source, the
 * threshold, the video action, the page URL…) as strings, and for a click its link.
 */
function detailOf(obs: Observation): Record<string, string> | undefined {
  const detail: Record<string, string> = {};
  for (const [key, value] of Object.entries(obs))
    if (key !== 'kind' && value !== undefined && typeof value !== 'object') detail[key] = String(value);
  if (obs.kind === 'click' && obs.link) detail.href = obs.link.href;
  return Object.keys(detail).length > 0 ? detail : undefined;
}

/**
 * The element a firing describes: for a click, what the trigger matched — the `.add-to-cart` button, the
 * link — not the icon or the word inside it that took the click (`circle`, `strong` help no one find it).
 */
function subjectOf(goal: Goal, obs: Observation): Element | undefined {
  const el = obs.kind === 'submit' ? obs.form : 'element' in obs ? obs.element : undefined;
  if (!el || obs.kind !== 'click') return el;
  const t = goal.trigger;
  return (
    (t.kind !== 'click'
      ? composedClosest(el, LINK)
      : t.selector !== undefined
        ? composedClosest(el, t.selector)
        : closestClickable(el)) ?? el
  );
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
  /**
   * Per video: the progress percents reported, and the progress goals already fired (a 50% goal must not fire
   * again on the 75% report).
   */
  const videoMarks = new WeakMap<Element, Set<number | string>>();
  const marksOf = (video: Element) => {
    let marks = videoMarks.get(video);
    if (!marks) videoMarks.set(video, (marks = new Set()));
    return marks;
  };
  const shadowRoots = new WeakSet<ShadowRoot>();
  /** Numbers this document's observations: the goals one DOM event matched share its number. */
  let observations = 0;
  /** The document's listeners for its elements' events, by type: what a replayed event is handed to. */
  let handlers = new Map<string, (el: Element) => void>();
  let replayAt: number | undefined;
  /** When the page began — its navigation, or its last route change —: time goals count from there. */
  let pageStart = env.now() - (win.performance?.now() ?? 0);

  const observe = (obs: Observation) => {
    const here: PageContext = { url: env.pageUrl() };
    const observation = ++observations;
    // A hostile DOM (throwing getters) must not break the watcher.
    for (const goal of safely(() => matchGoals(goals, obs, here), [])) {
      // Thresholds fire once per page; a page view once per goal and URL.
      const key =
        obs.kind === 'page_view' ? `${goal.id}@${obs.url}` : /^(scroll|time|visible)$/.test(obs.kind) ? goal.id : '';
      if (key) {
        if (firedOnce.has(key)) continue;
        firedOnce.add(key);
      }
      if (obs.kind === 'video' && obs.action === 'progress' && obs.element) {
        const fired = marksOf(obs.element);
        if (fired.has(goal.id)) continue;
        fired.add(goal.id);
      }
      const el = subjectOf(goal, obs);
      const detail = detailOf(obs);
      env.fire({
        goalId: goal.id,
        goalName: goal.name,
        trigger: goal.trigger.kind,
        at: replayAt ?? env.now(),
        observation,
        url: here.url,
        ...(win.top !== win && { frameUrl: win.location.href }),
        ...(el && { element: describeElement(el) }),
        ...(detail && { detail }),
      });
    }
  };

  const listen = (target: EventTarget, type: string, fn: (e: Event) => void) => {
    const safe = (e: Event) => safely(() => fn(e), undefined); // never let our listener throw into the page
    target.addEventListener(type, safe, LISTEN);
    cleanup.push(() => target.removeEventListener(type, safe, LISTEN));
  };
  /**
   * A listener for events on elements: called with the element that took the event — the original target inside
   * open shadow roots, not the retargeted host.
   */
  const onElement = (target: EventTarget, type: string, fn: (el: Element) => void) => {
    if (target === doc) handlers.set(type, fn);
    listen(target, type, (e) => {
      const el = e.composedPath()[0] as Node | undefined;
      if (el?.nodeType === 1) fn(el as Element);
    });
  };

  const onSubmit = (form: Element) => {
    if (form.localName === 'form') observe({ kind: 'submit', form });
  };

  /** `submit` does not leave a shadow root: listen on each open shadow root the visitor interacts with. */
  const adoptShadowRoots = (e: Event) => {
    for (const node of e.composedPath()) {
      if (node instanceof win.ShadowRoot && !shadowRoots.has(node)) {
        shadowRoots.add(node);
        onElement(node, 'submit', onSubmit);
      }
    }
  };

  const install = () => {
    const needs = triggerNeeds(goals);
    const list = watchList(goals);
    if (needs.has('submit')) {
      onElement(doc, 'submit', onSubmit);
      listen(doc, 'focusin', adoptShadowRoots);
      listen(doc, 'pointerdown', adoptShadowRoots);
    }
    if (needs.has('click')) {
      onElement(doc, 'click', (element) => {
        const a = composedClosest(element, LINK);
        // getAttribute, not .href: an SVG <a>'s href is an object, not a string.
        const href = a?.getAttribute('href');
        const link =
          a && href != null
            ? safely(() => ({ href: new URL(href, a.baseURI).href, download: a.hasAttribute('download') }), undefined)
            : undefined;
        observe({ kind: 'click', element, ...(link && { link }) });
      });
    }
    if (needs.has('video')) {
      // Media events do not bubble, but they do pass the document in the capture phase.
      onElement(doc, 'play', (element) => observe({ kind: 'video', action: 'play', element }));
      onElement(doc, 'ended', (element) => observe({ kind: 'video', action: 'complete', percent: 100, element }));
      if (list.videoPercents.length > 0) {
        onElement(doc, 'timeupdate', (element) => {
          const { currentTime, duration } = element as HTMLMediaElement;
          if (!(duration > 0) || !Number.isFinite(duration)) return;
          const marks = marksOf(element);
          for (const percent of list.videoPercents) {
            if ((currentTime / duration) * 100 >= percent && !marks.has(percent)) {
              marks.add(percent);
              observe({ kind: 'video', action: 'progress', percent, element });
            }
          }
        });
      }
      // The YouTube iframe API reports state changes to the embedding page (1 = playing, 0 = ended).
      listen(win, 'message', (e) => {
        const m = e as MessageEvent;
        if (typeof m.data !== 'string' || !/^https:\/\/(www\.)?youtube(-nocookie)?\.com$/.test(m.origin)) return;
        const data = JSON.parse(m.data) as { event?: string; info?: unknown };
        if (data.event !== 'onStateChange' || (data.info !== 0 && data.info !== 1)) return;
        const element = [...doc.querySelectorAll('iframe')].find((f) => f.contentWindow === m.source);
        observe(
          data.info
            ? { kind: 'video', action: 'play', element }
            : { kind: 'video', action: 'complete', percent: 100, element },
        );
      });
    }
    if (list.scrollPercents.length > 0) {
      let pending = false;
      const measure = () => {
        if (pending) return;
        pending = true;
        win.requestAnimationFrame(() => {
          pending = false;
          const { scrollHeight } = doc.scrollingElement ?? doc.documentElement;
          const reached = scrollHeight > 0 ? ((win.scrollY + win.innerHeight) / scrollHeight) * 100 : 100;
          for (const percent of list.scrollPercents) if (reached >= percent) observe({ kind: 'scroll', percent });
        });
      };
      listen(win, 'scroll', measure);
      // Scrolled before the watcher was there (while the page loaded): measured now.
      if (win.scrollY > 0) measure();
    }
    for (const seconds of list.timeSeconds) {
      const timer = win.setTimeout(() => observe({ kind: 'time', seconds }), pageStart + seconds * 1000 - env.now());
      cleanup.push(() => win.clearTimeout(timer));
    }
    if (list.visibleSelectors.length > 0) {
      const io = new win.IntersectionObserver((entries) => {
        for (const entry of entries) if (entry.isIntersecting) observe({ kind: 'visible', element: entry.target });
      });
      const watched = new WeakSet<Element>();
      const scan = () => {
        for (const selector of list.visibleSelectors) {
          for (const el of safely(() => [...doc.querySelectorAll(selector)], [])) {
            if (!watched.has(el)) {
              watched.add(el);
              io.observe(el);
            }
          }
        }
      };
      // Watching starts once the page has loaded: while it loads the page's own work comes first (an element
      // in view then is still in view at its load event). Elements rendered later (SPAs, lazy sections): rescan
      // at most once a second — a MutationObserver during parsing would be called for every inserted node.
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
        mo.observe(doc.documentElement, { childList: true, subtree: true });
      };
      if (doc.readyState === 'complete') startObserving();
      else listen(win, 'load', startObserving);
      cleanup.push(() => {
        io.disconnect();
        mo.disconnect();
      });
    }
  };

  const setGoals = (next: readonly Goal[]) => {
    goals = next;
    for (const fn of cleanup) fn();
    cleanup = [];
    handlers = new Map();
    install();
  };
  return {
    setGoals,
    observe(obs) {
      // A new route is a new page for thresholds: scroll and time count again, time from now.
      if (obs.kind === 'page_view' && obs.virtual) {
        firedOnce.clear();
        pageStart = env.now();
        setGoals(goals);
      }
      observe(obs);
    },
    replay(type, element, at) {
      replayAt = at;
      try {
        safely(() => handlers.get(type)?.(element), undefined);
      } finally {
        replayAt = undefined;
      }
    },
  };
}
