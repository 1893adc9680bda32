import type { TagDecoder } from './types';

// PLACEHOLDER: replaced by the real decoder.
export const rudderstack: TagDecoder = {
  vendor: 'rudderstack',
  matches: () => false,
  decode: () => [],
};
