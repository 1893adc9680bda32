import type { TagDecoder } from './types';

// PLACEHOLDER: replaced by the real decoder.
export const reddit: TagDecoder = {
  vendor: 'reddit',
  matches: () => false,
  decode: () => [],
};
