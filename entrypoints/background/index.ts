import { registerCapture } from './capture';
import { registerCmpReader } from './cmp';
import { registerContentInjection } from './content-injection';
import { registerCookies, tagResponseCookies } from './cookies';
import { registerMessages } from './messages';
import { registerNavigation } from './navigation';
import { registerRetention } from './retention';
import { openWorkerContext } from './context';
import { registerPlans } from './plans';
import { quietWhileLoading } from './quiet';
import { registerToolbar } from './toolbar';
import { registerSiteKind } from './site-kind';

// Wiring only. Every listener is registered synchronously on start: Chrome wakes a stopped worker for an event
// only if the listener was registered in the first turn. State lives in IndexedDB, never only here.
export default defineBackground(() => {
  // The badge's audit waits for the page's load event (it must not compete with the page); open views hear of
  // each write at once.
  const ctx = quietWhileLoading(openWorkerContext());
  // Tag responses' Set-Cookie headers are read in Firefox only: Chromium hides them from webRequest without
  // `extraHeaders` (cookies.ts), and a listener that sees nothing still cost every tag request an event.
  registerCapture(ctx, import.meta.env.FIREFOX ? tagResponseCookies(ctx) : undefined);
  registerContentInjection();
  registerCmpReader();
  registerCookies(ctx);
  registerNavigation(ctx);
  registerMessages(ctx);
  registerRetention(ctx);
  registerPlans();
  registerToolbar();
  registerSiteKind(ctx);
});
