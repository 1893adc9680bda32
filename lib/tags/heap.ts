import type { TagDecoder } from './types';

// PLACEHOLDER: replaced by the real decoder.
export const heap: TagDecoder = {
  vendor: 'heap',
  matches: () => false,
  decode: () => [],
};
