import { installPageHooks, signalPoster } from '@/lib/page/hooks';

// The main-world observer: runs before the page's own scripts, in every frame, and only observes.
export default defineContentScript({
  matches: ['<all_urls>'],
  world: 'MAIN',
  runAt: 'document_start',
  allFrames: true,
  main() {
    installPageHooks(window, signalPoster(window));
  },
});
