import type { TagDecoder } from './types';

// PLACEHOLDER: replaced by the real decoder.
export const floodlight: TagDecoder = {
  vendor: 'floodlight',
  matches: () => false,
  decode: () => [],
};
