import type { TagDecoder } from './types';

// PLACEHOLDER: replaced by the real decoder.
export const klaviyo: TagDecoder = {
  vendor: 'klaviyo',
  matches: () => false,
  decode: () => [],
};
