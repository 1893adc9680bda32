import type { TagDecoder } from './types';

// PLACEHOLDER: replaced by the real decoder.
export const mixpanel: TagDecoder = {
  vendor: 'mixpanel',
  matches: () => false,
  decode: () => [],
};
