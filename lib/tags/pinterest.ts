import type { TagDecoder } from './types';

// PLACEHOLDER: replaced by the real decoder.
export const pinterest: TagDecoder = {
  vendor: 'pinterest',
  matches: () => false,
  decode: () => [],
};
