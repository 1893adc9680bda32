/**
 * `fn()`, or `otherwise` if it throws: an invalid selector in a plan matches nothing (the options page refuses
 * them), and a hostile page's throwing getters break nothing.
 */
export function safely<T>(fn: () => T, otherwise: T): T {
  try {
    return fn();
  } catch {
    return otherwise;
  }
}
