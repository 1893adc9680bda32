import { activeGoals } from '@/lib/goals/active-goals';
import type { Observation } from '@/lib/goals/match';
import { PLANS_KEY, storedPlans, topPageUrl } from '@/lib/goals/plans-setting';
import type { Plan } from '@/lib/goals/types';
import { watchPage } from '@/lib/goals/watch-page';
import type { Message } from '@/lib/messages';
import { createOutbox } from '@/lib/page/outbox';
import { isTagCandidate, toResourceSeen, type ResourceSeen } from '@/lib/page/resources';
import { parseSignal, rateLimiter } from '@/lib/page/signals';
import { api as browser } from './api';

// The isolated world: watch the page for the active plan's triggers, and relay what the main-world hooks saw
// after validating it (the page can forge those messages) and bounding it (the page can flood them).
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_start',
  allFrames: true,
  main() {
    // At least once: the worker acknowledges after its write commits, and a stopped worker means a resend.
    const outbox = createOutbox<Message>({ send: (m) => browser.runtime.sendMessage(m), schedule: (fn, ms) => void setTimeout(fn, ms) });
    const send = (message: Message) => outbox.push(message);
    const id = () => crypto.randomUUID();
    const isTop = window.top === window;
    let plans: Plan[] = [];
    const watcher = watchPage({
      win: window,
      now: () => Date.now(),
      pageUrl: () => topPageUrl(window),
      fire: (firing) => send({ type: 'goal_fired', id: id(), firing }),
    });
    const applyPlans = () => watcher.setGoals(activeGoals(plans, topPageUrl(window)));
    // What the page hooks report before the plan is read (a dataLayer.push at the top of <head> arrives
    // first) waits for it: matched against no goals it would be lost.
    let early: Observation[] | undefined = [];
    const observe = (obs: Observation) => {
      if (!early) watcher.observe(obs);
      else if (early.length < 100) early.push(obs);
    };

    void browser.storage.local.get(PLANS_KEY).then((got) => {
      plans = storedPlans(got[PLANS_KEY]);
      applyPlans();
      if (isTop) watcher.observe({ kind: 'page_view', url: location.href, virtual: false });
      const waiting = early ?? [];
      early = undefined;
      for (const obs of waiting) watcher.observe(obs);
    });
    // Plan edits apply to open tabs at once, no reload.
    browser.storage.onChanged.addListener((changes, area) => {
      if (area !== 'local' || !changes[PLANS_KEY]) return;
      plans = storedPlans(changes[PLANS_KEY].newValue);
      applyPlans();
    });

    // The page's own list of its requests: a second witness of every tag hit, sent once a second, so a hit
    // whose webRequest event was lost with a stopped worker is still recorded.
    let seen: ResourceSeen[] = [];
    let flushing = false;
    const flush = () => {
      flushing = false;
      if (seen.length === 0) return;
      send({ type: 'resources_seen', items: seen.splice(0, 200) });
      if (seen.length > 0) schedule();
    };
    const schedule = () => {
      if (flushing) return;
      flushing = true;
      setTimeout(flush, 1000);
    };
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as PerformanceResourceTiming[]) {
          if (isTagCandidate(entry) && seen.length < 2000) seen.push(toResourceSeen(entry, performance.timeOrigin));
        }
        schedule();
      }).observe({ type: 'resource', buffered: true });
    } catch {
      // No resource timing (old browser): webRequest alone.
    }

    // 20 signals a second, bursts of 100: far above any real tag setup, far below a flood.
    const allow = rateLimiter(20, 100, () => Date.now());
    let lastUrl = location.href;
    window.addEventListener(
      'message',
      (event) => {
        if (event.source !== window) return;
        const signal = parseSignal(event.data);
        if (!signal || !allow()) return;
        switch (signal.kind) {
          case 'request':
            send({ type: 'page_body', url: signal.url, method: signal.method, body: signal.body, at: signal.at });
            break;
          case 'datalayer':
            send({ type: 'page_event', id: id(), at: signal.at, event: { kind: 'datalayer', source: signal.source, event: signal.event, ...(signal.data ? { data: signal.data } : {}) } });
            observe({ kind: 'datalayer', event: signal.event, source: signal.source });
            break;
          case 'consent':
            send({ type: 'page_event', id: id(), at: signal.at, event: { kind: 'consent', source: signal.source, ...(signal.adStorage ? { adStorage: signal.adStorage } : {}), ...(signal.analyticsStorage ? { analyticsStorage: signal.analyticsStorage } : {}) } });
            break;
          case 'history':
            // The claim is checked against the real location: a forged route change changes nothing.
            if (location.href === lastUrl) break;
            lastUrl = location.href;
            applyPlans();
            if (isTop) observe({ kind: 'page_view', url: location.href, virtual: true });
            break;
        }
      },
      { capture: true, passive: true },
    );
  },
});
