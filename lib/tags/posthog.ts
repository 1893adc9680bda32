import type { TagDecoder } from './types';

// PLACEHOLDER: replaced by the real decoder.
export const posthog: TagDecoder = {
  vendor: 'posthog',
  matches: () => false,
  decode: () => [],
};
