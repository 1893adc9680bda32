import { readSiteKind } from '@/lib/goals/site-kind';

// Injected on demand by the worker once a page has loaded (`scripting.executeScript({ files: ['/injected-site-kind.js'] })`):
// what kind of site the page is, for the default plan. Not a content script: it costs pages nothing until they
// have loaded, and once. WXT builds an unlisted script as an IIFE whose value is the last expression: the result.
export default defineUnlistedScript(() => readSiteKind(document));
