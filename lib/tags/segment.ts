import type { TagDecoder } from './types';

// PLACEHOLDER: replaced by the real decoder.
export const segment: TagDecoder = {
  vendor: 'segment',
  matches: () => false,
  decode: () => [],
};
