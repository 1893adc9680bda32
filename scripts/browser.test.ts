import { describe, expect, it } from 'vitest';
import { stockUserAgent } from './browser';

describe('stockUserAgent', () => {
  it.each<[string, NodeJS.Platform, string | undefined]>([
    [
      'Chromium 156.0.8078.114 built on Debian GNU/Linux 12 (bookworm)',
      'linux',
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
    ],
    [
      'Google Chrome 131.0.6778.85 ',
      'darwin',
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    ],
    [
      'Chromium 120.0.6099.0',
      'win32',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
    ],
    ['', 'linux', undefined],
  ])('%s on %s', (version, platform, want) => {
    const ua = stockUserAgent(version, platform);
    expect(ua).toBe(want);
    expect(ua ?? '').not.toContain('Headless');
  });
});
