import type { TagDecoder } from './types';

// PLACEHOLDER: replaced by the real decoder.
export const quora: TagDecoder = {
  vendor: 'quora',
  matches: () => false,
  decode: () => [],
};
