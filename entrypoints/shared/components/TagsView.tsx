import type { VendorId } from '@/lib/tags/vendors';
import { blockedSummary, clockTime, failedSummary, offsetTime, plural } from '@/lib/view/format';
import { onlyLibraryLoaded, type VendorSummary } from '@/lib/view/inventory';
import { EmptyState } from './EmptyState';
import './TagsView.css';

interface TagsViewProps {
  inventory: readonly VendorSummary[];
  pageStart: number;
  /** Open the Hits view filtered to one vendor. */
  onShowHits?: (vendor: VendorId) => void;
}

/** The inventory: one row per vendor seen on the page. */
export function TagsView({ inventory, pageStart, onShowHits }: TagsViewProps) {
  if (inventory.length === 0) return <EmptyState reason="no-hits" />;
  return (
    <ul class="tags">
      {inventory.map((s) => (
        <li key={s.vendor} class="tag-row" data-testid="tag-row" data-vendor={s.vendor}>
          <div class="tag-head">
            <strong class="tag-name">{s.name}</strong>
            <span class="tag-count">{plural(s.hits, 'hit')}</span>
          </div>
          <p class="tag-accounts">
            {s.accounts.length > 0 ? s.accounts.join(', ') : <span class="muted">no account id in the requests</span>}
          </p>
          {onlyLibraryLoaded(s) ? (
            <p class="muted">library loaded, nothing sent yet</p>
          ) : (
            s.lastEvent !== undefined &&
            s.lastEventAt !== undefined && (
              <p class="tag-last">
                last event: <code>{s.lastEvent}</code>{' '}
                <span class="muted" title={clockTime(s.lastEventAt)}>
                  at {offsetTime(s.lastEventAt, pageStart)}
                </span>
              </p>
            )
          )}
          {s.blocked > 0 && <p class="bad">{blockedSummary(s.blocked, s.vendor)}</p>}
          {s.failed > 0 && <p class="bad">{failedSummary(s.failed, s.vendor, s.failureReasons)}</p>}
          {s.pending > 0 && <p class="muted">{plural(s.pending, 'request')} still waiting for an answer</p>}
          {onShowHits && (
            <button type="button" class="link" onClick={() => onShowHits(s.vendor)}>
              Show {s.name} hits
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
