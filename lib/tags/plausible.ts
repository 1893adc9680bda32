import type { TagDecoder } from './types';

// PLACEHOLDER: replaced by the real decoder.
export const plausible: TagDecoder = {
  vendor: 'plausible',
  matches: () => false,
  decode: () => [],
};
