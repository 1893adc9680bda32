import type { TagDecoder } from './types';

// PLACEHOLDER: replaced by the real decoder.
export const adobeAnalytics: TagDecoder = {
  vendor: 'adobe-analytics',
  matches: () => false,
  decode: () => [],
};
