import browser from 'webextension-polyfill';
import { parseSignal, rateLimiter } from '@/lib/page/signals';
import type { Message } from '@/lib/messages';

// The isolated-world side of the page hooks: validate what the main world claims, bound it, forward it.
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_start',
  allFrames: true,
  main() {
    // 20 signals a second, bursts of 100: far above any real tag setup, far below a flood.
    const allow = rateLimiter(20, 100, () => Date.now());
    const send = (message: Message) => void browser.runtime.sendMessage(message).catch(() => undefined);
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
            send({ type: 'page_event', at: signal.at, event: { kind: 'datalayer', source: signal.source, event: signal.event, ...(signal.data ? { data: signal.data } : {}) } });
            break;
          case 'consent':
            send({ type: 'page_event', at: signal.at, event: { kind: 'consent', source: signal.source, ...(signal.adStorage ? { adStorage: signal.adStorage } : {}), ...(signal.analyticsStorage ? { analyticsStorage: signal.analyticsStorage } : {}) } });
            break;
          case 'history':
            break;
        }
      },
      { capture: true, passive: true },
    );
  },
});
