import type { TagDecoder } from './types';

// PLACEHOLDER: replaced by the real decoder.
export const tealium: TagDecoder = {
  vendor: 'tealium',
  matches: () => false,
  decode: () => [],
};
