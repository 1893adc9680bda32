import type { TagDecoder } from './types';

// PLACEHOLDER: replaced by the real decoder.
export const hotjar: TagDecoder = {
  vendor: 'hotjar',
  matches: () => false,
  decode: () => [],
};
