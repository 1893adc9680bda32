/** Whether the browser accepts `selector` (parsePlan's check, done with the page's own CSS parser). */
export function isValidSelector(selector: string): boolean {
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}
