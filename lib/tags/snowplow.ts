import type { TagDecoder } from './types';

// PLACEHOLDER: replaced by the real decoder.
export const snowplow: TagDecoder = {
  vendor: 'snowplow',
  matches: () => false,
  decode: () => [],
};
