import type { TagDecoder } from './types';

// PLACEHOLDER: replaced by the real decoder.
export const gtm: TagDecoder = {
  vendor: 'gtm',
  matches: () => false,
  decode: () => [],
};
