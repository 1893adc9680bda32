// The three extension APIs the content script uses, without webextension-polyfill: the polyfill alone is
// ~10 KB, half the content-script budget, and these three already return promises natively in Chromium
// MV3 (`chrome`) and Firefox (`browser`). Background and popup keep the polyfill.

interface StorageChange {
  newValue?: unknown;
}
interface ContentApi {
  runtime: { sendMessage: (message: unknown) => Promise<unknown> };
  storage: {
    local: { get: (key: string) => Promise<Record<string, unknown>> };
    onChanged: { addListener: (fn: (changes: Record<string, StorageChange>, area: string) => void) => void };
  };
}

const g = globalThis as unknown as { browser?: ContentApi; chrome?: ContentApi };
export const api: ContentApi = (g.browser?.runtime ? g.browser : g.chrome)!;
