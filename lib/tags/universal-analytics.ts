import type { TagDecoder } from './types';

// PLACEHOLDER: replaced by the real decoder.
export const universalAnalytics: TagDecoder = {
  vendor: 'universal-analytics',
  matches: () => false,
  decode: () => [],
};
