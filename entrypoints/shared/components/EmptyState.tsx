import type { ComponentChildren } from 'preact';

export const NO_HITS_MESSAGE =
  'No tracking tags seen on this page yet. Reload the page or interact with it; hits appear here live.';

/** `reason` tells tests and styles apart: no-hits (nothing yet), unsupported (a browser page), no-tab. */
export function EmptyState({
  reason,
  children,
}: {
  reason: 'no-hits' | 'unsupported' | 'no-tab';
  children?: ComponentChildren;
}) {
  return (
    <div class="empty" data-testid="empty-state" data-reason={reason} role="status">
      {children ?? <p>{NO_HITS_MESSAGE}</p>}
    </div>
  );
}
