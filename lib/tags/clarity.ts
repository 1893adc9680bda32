import type { TagDecoder } from './types';

// PLACEHOLDER: replaced by the real decoder.
export const clarity: TagDecoder = {
  vendor: 'clarity',
  matches: () => false,
  decode: () => [],
};
