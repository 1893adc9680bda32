import type { TagDecoder } from './types';

// PLACEHOLDER: replaced by the real decoder.
export const matomo: TagDecoder = {
  vendor: 'matomo',
  matches: () => false,
  decode: () => [],
};
