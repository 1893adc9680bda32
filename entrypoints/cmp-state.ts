import { installCmpHooks } from '@/lib/page/cmp-hooks';
import { signalPoster } from '@/lib/page/hooks';

// Injected by the worker (entrypoints/background/cmp.ts) into the main world of a frame that loads a consent
// manager's script: reads that CMP's own state and posts it like the page hooks do, through the content script.
// Once per document: a second injection (a second script of the same CMP) finds the mark and does nothing.
export default defineUnlistedScript(() => {
  const mark = Symbol.for('tagwatch.cmp-state');
  const w = window as unknown as Record<symbol, boolean>;
  if (w[mark]) return;
  Object.defineProperty(w, mark, { value: true });
  installCmpHooks(window, signalPoster(window));
});
