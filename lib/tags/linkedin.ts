import type { TagDecoder } from './types';

// PLACEHOLDER: replaced by the real decoder.
export const linkedin: TagDecoder = {
  vendor: 'linkedin',
  matches: () => false,
  decode: () => [],
};
