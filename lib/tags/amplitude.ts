import type { TagDecoder } from './types';

// PLACEHOLDER: replaced by the real decoder.
export const amplitude: TagDecoder = {
  vendor: 'amplitude',
  matches: () => false,
  decode: () => [],
};
