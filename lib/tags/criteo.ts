import type { TagDecoder } from './types';

// PLACEHOLDER: replaced by the real decoder.
export const criteo: TagDecoder = {
  vendor: 'criteo',
  matches: () => false,
  decode: () => [],
};
