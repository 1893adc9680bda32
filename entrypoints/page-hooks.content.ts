import { installPageHooks, signalPoster } from '@/lib/page/hooks';

// The main-world observer: runs before the page's own scripts, in every frame, and only observes.
export function main(): void {
  installPageHooks(window, signalPoster(window));
}

export default defineContentScript({
  matches: ['<all_urls>'],
  world: 'MAIN',
  runAt: 'document_start',
  allFrames: true,
  // No global variable: this runs in the page's own window.
  globalName: false,
  main,
});
