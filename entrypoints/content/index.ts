import { activeGoals } from '@/lib/goals/active-goals';
import { PLANS_KEY, storedPlans, topPageUrl } from '@/lib/goals/plans-setting';
import type { Plan } from '@/lib/goals/types';
import { watchPage } from '@/lib/goals/watch-page';
import type { Message, PageMessage } from '@/lib/messages';
import { createOutbox } from '@/lib/page/outbox';
import { toResourceSeen, type ResourceSeen } from '@/lib/page/resources';
import { dataLayerEvent, EARLY_EVENT, HOLD_MAX, postedSignals, rateLimiter, READY_EVENT } from '@/lib/page/signals';
import { api as browser } from './api';

// The isolated world: watch the page for the active plan's triggers, and relay what the main-world hooks saw,
// bounded (the page can forge those messages and flood them; the worker validates them before it stores any).
//
// Not in the manifest: the worker injects it once the page has loaded, or as the page is left before that
// (entrypoints/background/content-injection.ts). Created at document_start in every frame, an isolated world cost
// each page load more than the rest of the content scripts; the main-world hooks hold what happens before it comes
// (READY_EVENT).
//
// Built bare (wxt.config.ts: the entry module calls `main` and nothing else): WXT's content-script wrapper
// (ContentScriptContext) would add 3 KB and a postMessage to every page for a dev-reload feature this script
// does not use. It loads into every frame of every page, so it stays small.
export default defineContentScript({
  matches: ['<all_urls>'],
  registration: 'runtime',
  // No global variable: the isolated world is shared by every script of this extension in the frame.
  globalName: false,
  main,
});

export function main(): void {
  // Once per document: a second injection (the frame left after its load) finds the first.
  const g = globalThis as { tagwatchContent?: true };
  if (g.tagwatchContent) return;
  g.tagwatchContent = true;
  // Injected once the frame has loaded, or as it is left: what it has to say goes at once — the page's own load
  // no longer competes with it, and a page being left must say it before it goes.

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
  const send = (message: PageMessage) => {
    if (pending.push(message) === 1) queueMicrotask(post);
  };
  const id = () => crypto.randomUUID();
  const isTop = window.top === window;
  let plans: Plan[] = [];
  const pageUrl = () => topPageUrl(window);
  const watcher = watchPage({
    win: window,
    now: Date.now,
    pageUrl,
    fire: (firing) => send({ type: 'goal_fired', id: id(), firing }),
  });
  const applyPlans = () => watcher.setGoals(activeGoals(plans, pageUrl()));
  // A click, submit or play the hooks held, on its element, with the time it happened.
  window.addEventListener(
    EARLY_EVENT,
    (event) => {
      const [type, at] = String((event as CustomEvent).detail).split(' ');
      const el = event.composedPath()[0];
      if (el instanceof Element && type) watcher.replay(type, el, Number(at) || Date.now());
    },
    true,
  );
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
  sayTitle();

  // The page's own list of its requests: a second witness of every tag hit, sent once a second (at most 200 entries
  // a message; the worker keeps the tag candidates), so that a hit whose webRequest event was lost with a stopped
  // worker is still recorded.
  const entries: ResourceSeen[] = [];
  let flushing = false;
  const schedule = () => {
    if (!flushing) setTimeout(flush, 1000);
    flushing = true;
  };
  const flush = () => {
    flushing = false;
    send({ type: 'resources_seen', items: entries.splice(0, 200) });
    if (entries.length > 0) schedule();
  };
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        if (entries.length < 10_000)
          entries.push(toResourceSeen(entry as PerformanceResourceTiming, performance.timeOrigin));
      schedule();
    }).observe({ type: 'resource', buffered: true });
  } catch {
    // No resource timing (old browser): webRequest alone.
  }

  // 20 signals a second, bursts of 200 (what the hooks held while the page loaded): far above any real tag setup,
  // far below a flood.
  const allow = rateLimiter(20, HOLD_MAX, Date.now);
  let lastUrl = location.href;
  window.addEventListener(
    'message',
    (event) => {
      if (event.source !== window) return;
      for (const signal of postedSignals(event.data)) {
        if (!allow()) return;
        if (signal.kind === 'history') {
          // The claim is checked against the real location: a forged route change changes nothing.
          if (location.href === lastUrl) continue;
          lastUrl = location.href;
          applyPlans();
          if (isTop) watcher.observe({ kind: 'page_view', url: location.href, virtual: true });
          setTimeout(sayTitle, 1000);
          continue;
        }
        // Relayed as posted, bounded: the worker validates it before it stores anything (validSignal).
        send({ type: 'page_signal', id: id(), signal });
        // A goal is matched only on an event the worker will store.
        const pushed = dataLayerEvent(signal);
        if (pushed) watcher.observe(pushed);
      }
    },
    { capture: true, passive: true },
  );

  // Once the plan is read, the page is seen, and the hooks hand over what they held: matched against no goals it
  // would be lost.
  void browser.storage.local.get(PLANS_KEY).then((got) => {
    plans = storedPlans(got[PLANS_KEY]);
    applyPlans();
    if (isTop) watcher.observe({ kind: 'page_view', url: location.href, virtual: false });
    window.dispatchEvent(new CustomEvent(READY_EVENT));
  });
}
