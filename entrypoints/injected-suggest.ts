import { suggestGoals } from '@/lib/goals/suggest';

// Injected on demand into a tab (`scripting.executeScript({ files: ['/injected-suggest.js'] })`) by the options page
// and the popup. WXT builds an unlisted script as an IIFE whose value is the last expression of the file, so
// what main returns is the InjectionResult's `result`: a list of plain Goal objects (structured-cloneable).
export default defineUnlistedScript(() => suggestGoals(document, location.href));
