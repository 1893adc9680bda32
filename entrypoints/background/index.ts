import { registerCapture } from './capture';
import { registerMessages } from './messages';
import { registerNavigation } from './navigation';
import { registerRetention } from './retention';
import { openWorkerContext } from './context';
import { registerPlans } from './plans';
import { quietWhileLoading } from './quiet';

// Wiring only. Every listener is registered synchronously on start: Chrome wakes a stopped worker for an event
// only if the listener was registered in the first turn. State lives in IndexedDB, never only here.
export default defineBackground(() => {
  // Change notices (badge, popups) wait for the page's load event: they must not compete with the page.
  const ctx = quietWhileLoading(openWorkerContext());
  registerCapture(ctx);
  registerNavigation(ctx);
  registerMessages(ctx);
  registerRetention(ctx);
  registerPlans();
});
