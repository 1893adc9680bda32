import type { TagDecoder } from './types';

// PLACEHOLDER: replaced by the real decoder.
export const x: TagDecoder = {
  vendor: 'x',
  matches: () => false,
  decode: () => [],
};
