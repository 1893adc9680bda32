import { registerCapture } from './capture';
import { registerMessages } from './messages';
import { registerNavigation } from './navigation';
import { registerRetention } from './retention';
import { openWorkerContext } from './context';
import { registerPlans } from './plans';

// Wiring only. Every listener is registered synchronously on start: Chrome wakes a stopped worker for an event
// only if the listener was registered in the first turn. State lives in IndexedDB, never only here.
export default defineBackground(() => {
  const ctx = openWorkerContext();
  registerCapture(ctx);
  registerNavigation(ctx);
  registerMessages(ctx);
  registerRetention(ctx);
  registerPlans();
});
