import type { TagDecoder } from './types';

// PLACEHOLDER: replaced by the real decoder.
export const snapchat: TagDecoder = {
  vendor: 'snapchat',
  matches: () => false,
  decode: () => [],
};
