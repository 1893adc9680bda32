import { activeGoals } from '@/lib/goals/active-goals';
import type { Observation } from '@/lib/goals/match';
import { PLANS_KEY, storedPlans, topPageUrl } from '@/lib/goals/plans-setting';
import type { Plan } from '@/lib/goals/types';
import { watchPage } from '@/lib/goals/watch-page';
import type { Message, PageMessage } from '@/lib/messages';
import { createOutbox } from '@/lib/page/outbox';
import { isTagCandidate, toResourceSeen, type ResourceSeen } from '@/lib/page/resources';
import { parseSignals, rateLimiter } from '@/lib/page/signals';
import { api as browser } from './api';

// The isolated world: watch the page for the active plan's triggers, and relay what the main-world hooks saw
// after validating it (the page can forge those messages) and bounding it (the page can flood them).
//
// Built bare (wxt.config.ts: the entry module calls `main` and nothing else): WXT's content-script wrapper
// (ContentScriptContext) would add 3 KB and a postMessage to every page for a dev-reload feature this script
// does not use. It runs in the page's critical path, so it does as little as it can there.
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_start',
  allFrames: true,
  // No global variable: the isolated world is shared by every script of this extension in the frame.
  globalName: false,
  main,
});

/** The longest the page's events and the page view wait for the load event before they are matched and sent. */
const MAX_WAIT_MS = 2_000;
/** Firings of triggers after which the visitor may leave the page: sent at once. */
const URGENT = /^(form_submit|click|download|outbound_click)$/;

export function main(): void {
  // While the page loads, what is not urgent waits for its load event (at most MAX_WAIT_MS): matching the page
  // view and the page's events against the plan, and telling the worker — the page's own work comes first. A
  // click or a submit may take the visitor away: its firing goes at once, after everything that waited; so does
  // everything when the page is left before it loaded.
  // (At document_start the document is loading: a document already loaded waits MAX_WAIT_MS.)
  let waiting: Array<() => void> | undefined = [];
  const flushWaiting = () => {
    const fns = waiting;
    waiting = undefined;
    fns?.forEach((fn) => fn());
  };
  const later = (fn: () => void) => (waiting ? void waiting.push(fn) : fn());
  addEventListener('load', () => setTimeout(flushWaiting));
  addEventListener('pagehide', flushWaiting);
  setTimeout(flushWaiting, MAX_WAIT_MS);

  // At least once: the worker acknowledges after its write commits, and a stopped worker means a resend.
  const outbox = createOutbox<Message>({
    send: (m) => browser.runtime.sendMessage(m),
    schedule: (fn, ms) => void setTimeout(fn, ms),
  });
  // What is reported in one task (a goal and the page events of one script) goes in one message.
  let pending: PageMessage[] = [];
  const post = () => {
    const messages = pending;
    pending = [];
    outbox.push(messages.length === 1 ? messages[0]! : { type: 'batch', messages });
  };
  const send = (message: PageMessage) =>
    later(() => {
      if (pending.push(message) === 1) queueMicrotask(post);
    });
  const id = () => crypto.randomUUID();
  const isTop = window.top === window;
  let plans: Plan[] = [];
  const pageUrl = () => topPageUrl(window);
  const watcher = watchPage({
    win: window,
    now: Date.now,
    pageUrl,
    fire: (firing) => {
      if (URGENT.test(firing.trigger)) flushWaiting();
      send({ type: 'goal_fired', id: id(), firing });
    },
  });
  const applyPlans = () => watcher.setGoals(activeGoals(plans, pageUrl()));
  // What the page hooks report before the plan is read (a dataLayer.push at the top of <head> arrives
  // first) waits for it: matched against no goals it would be lost.
  let early: Observation[] | undefined = [];
  const observe = (obs: Observation) =>
    later(() => {
      if (!early) watcher.observe(obs);
      else if (early.length < 100) early.push(obs);
    });

  void browser.storage.local.get(PLANS_KEY).then((got) => {
    plans = storedPlans(got[PLANS_KEY]);
    applyPlans();
    later(() => {
      if (isTop) watcher.observe({ kind: 'page_view', url: location.href, virtual: false });
      const held = early ?? [];
      early = undefined;
      for (const obs of held) watcher.observe(obs);
    });
  });
  // Plan edits apply to open tabs at once, no reload.
  browser.storage.onChanged.addListener((changes, area) => {
    const change = area === 'local' && changes[PLANS_KEY];
    if (!change) return;
    plans = storedPlans(change.newValue);
    applyPlans();
  });

  // The top document names its page once loaded, and after each route change (an SPA retitles itself). Said
  // here, the title is filed under this document: the tab's own title event may come before its page was recorded.
  let said = '';
  const sayTitle = () => {
    // Bounded here too: a page may put megabytes in its <title>, and the message would carry them all.
    const title = document.title.slice(0, 300);
    if (isTop && title && title !== said) send({ type: 'page_title', title: (said = title) });
  };
  later(sayTitle);

  // The page's own list of its requests: a second witness of every tag hit, sent once a second, so a hit
  // whose webRequest event was lost with a stopped worker is still recorded. The observer only collects:
  // entries are sorted out when they are sent, a second later, off the page's loading path.
  let entries: PerformanceEntry[] = [];
  let flushing = false;
  const schedule = () => {
    if (!flushing) setTimeout(flush, 1000);
    flushing = true;
  };
  // At most 200 witnesses a second: the rest wait for the next second.
  const flush = () => {
    flushing = false;
    const items: ResourceSeen[] = [];
    let i = 0;
    for (; i < entries.length && items.length < 200; i++) {
      const entry = entries[i] as PerformanceResourceTiming;
      if (isTagCandidate(entry)) items.push(toResourceSeen(entry, performance.timeOrigin));
    }
    entries = entries.slice(i);
    if (items.length > 0) send({ type: 'resources_seen', items });
    if (entries.length > 0) schedule();
  };
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entries.length < 10_000) entries.push(entry);
      schedule();
    }).observe({ type: 'resource', buffered: true });
  } catch {
    // No resource timing (old browser): webRequest alone.
  }

  // 20 signals a second, bursts of 100: far above any real tag setup, far below a flood.
  const allow = rateLimiter(20, 100, Date.now);
  let lastUrl = location.href;
  window.addEventListener(
    'message',
    (event) => {
      if (event.source !== window) return;
      for (const signal of parseSignals(event.data)) {
        if (!allow()) return;
        switch (signal.kind) {
          case 'request': {
            // parseSignals built the signal from its known fields only: url, method, body (base64) and at are the message.
            const { kind, api, ...body } = signal;
            send({ type: 'page_body', ...body });
            break;
          }
          case 'datalayer':
          case 'consent': {
            // parseSignals built the signal from its known fields only: all but `at` is the page event.
            const { at, ...event } = signal;
            send({ type: 'page_event', id: id(), at, event });
            if (signal.kind === 'datalayer') observe({ kind: 'datalayer', event: signal.event, source: signal.source });
            break;
          }
          case 'history':
            // The claim is checked against the real location: a forged route change changes nothing.
            if (location.href === lastUrl) break;
            lastUrl = location.href;
            applyPlans();
            if (isTop) observe({ kind: 'page_view', url: location.href, virtual: true });
            setTimeout(sayTitle, 1000);
            break;
        }
      }
    },
    { capture: true, passive: true },
  );
}
