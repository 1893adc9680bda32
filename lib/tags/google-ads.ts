import type { TagDecoder } from './types';

// PLACEHOLDER: replaced by the real decoder.
export const googleAds: TagDecoder = {
  vendor: 'google-ads',
  matches: () => false,
  decode: () => [],
};
