import type { TagDecoder } from './types';

// PLACEHOLDER: replaced by the real decoder.
export const ga4: TagDecoder = {
  vendor: 'ga4',
  matches: () => false,
  decode: () => [],
};
