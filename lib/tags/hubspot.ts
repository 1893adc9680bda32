import type { TagDecoder } from './types';

// PLACEHOLDER: replaced by the real decoder.
export const hubspot: TagDecoder = {
  vendor: 'hubspot',
  matches: () => false,
  decode: () => [],
};
