import type { TagDecoder } from './types';

// PLACEHOLDER: replaced by the real decoder.
export const tiktok: TagDecoder = {
  vendor: 'tiktok',
  matches: () => false,
  decode: () => [],
};
