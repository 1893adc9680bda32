import type { TagDecoder } from './types';

// PLACEHOLDER: replaced by the real decoder.
export const microsoftUet: TagDecoder = {
  vendor: 'microsoft-uet',
  matches: () => false,
  decode: () => [],
};
