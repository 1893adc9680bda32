import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { VendorId } from '@/lib/tags/vendors';
import { plural, vendorName } from '@/lib/view/format';
import { filterHits, type HitFilter } from '@/lib/view/hit-filter';
import type { VendorSummary } from '@/lib/view/inventory';
import type { StreamItem } from '@/lib/view/stream';
import { EmptyState } from './EmptyState';
import { HitRow, PageEventRow } from './HitRow';

/** Rows rendered at first and per "Show more": a 5,000-hit session renders as fast as a 200-hit one. */
export const PAGE_SIZE = 200;

interface HitsViewProps {
  /** Newest first (lib/view/stream.ts). */
  items: readonly StreamItem[];
  /** The vendors for the filter's list. */
  vendors: readonly VendorSummary[];
  pageStart: number;
  filter: HitFilter;
  onFilterChange: (filter: HitFilter) => void;
  pageSize?: number;
  /** Open this hit, scroll to it and move the focus to it (another view asked for it). */
  focusHit?: string;
}

export function HitsView({ items, vendors, pageStart, filter, onFilterChange, pageSize = PAGE_SIZE, focusHit }: HitsViewProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(focusHit ? [focusHit] : []));
  const shown = useMemo(() => filterHits(items, filter), [items, filter]);
  // Enough rows to include the hit asked for, however old it is.
  const [limit, setLimit] = useState(() => {
    const at = focusHit ? shown.findIndex((i) => i.id === focusHit) : -1;
    return at < pageSize ? pageSize : Math.ceil((at + 1) / pageSize) * pageSize;
  });
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (!focusHit) return;
    setExpanded((prev) => (prev.has(focusHit) ? prev : new Set(prev).add(focusHit)));
    const row = [...(list.current?.querySelectorAll<HTMLElement>('[data-testid=hit-row]') ?? [])].find((r) => r.dataset.hitId === focusHit);
    row?.scrollIntoView?.({ block: 'start' });
    row?.querySelector<HTMLElement>('.row-summary')?.focus();
  }, [focusHit]);
  const toggle = useCallback(
    (id: string) =>
      setExpanded((prev) => {
        const next = new Set(prev);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );

  if (items.length === 0) return <EmptyState reason="no-hits" />;

  const options = vendors.map((v) => v.vendor);
  if (filter.vendor && !options.includes(filter.vendor)) options.push(filter.vendor);
  const visible = shown.length > limit ? shown.slice(0, limit) : shown;
  const filtered = shown.length !== items.length;

  return (
    <div class="hits">
      <div class="filters" role="search">
        <label>
          <span class="visually-hidden">Tag</span>
          <select
            data-testid="filter-vendor"
            value={filter.vendor ?? ''}
            onChange={(e) => onFilterChange({ ...filter, vendor: e.currentTarget.value as VendorId | '' })}
          >
            <option value="">All tags</option>
            {options.map((v) => (
              <option key={v} value={v}>
                {vendorName(v)}
              </option>
            ))}
          </select>
        </label>
        <label class="grow">
          <span class="visually-hidden">Filter by event, account, parameter or URL</span>
          <input
            type="search"
            data-testid="filter-text"
            placeholder="Filter: event, param, URL…"
            value={filter.text ?? ''}
            onInput={(e) => onFilterChange({ ...filter, text: e.currentTarget.value })}
          />
        </label>
        <label class="check">
          <input
            type="checkbox"
            data-testid="filter-hide-page-events"
            checked={filter.hidePageEvents ?? false}
            onChange={(e) => onFilterChange({ ...filter, hidePageEvents: e.currentTarget.checked })}
          />
          Hide page events
        </label>
      </div>
      <p class="muted shown" aria-live="polite">
        {filtered ? `${shown.length.toLocaleString('en-US')} of ${plural(items.length, 'row')}` : plural(items.length, 'row')}
        {visible.length < shown.length && ` · showing the newest ${visible.length.toLocaleString('en-US')}`}
      </p>
      {shown.length === 0 ? (
        <p class="no-match" data-testid="no-match">
          Nothing matches this filter.{' '}
          <button type="button" class="link" onClick={() => onFilterChange({})}>
            Clear the filter
          </button>
        </p>
      ) : (
        <ol class="stream" aria-label="Hits, newest first" ref={list}>
          {visible.map((item) =>
            item.kind === 'hit' ? (
              <HitRow key={item.id} item={item.hit} pageStart={pageStart} expanded={expanded.has(item.id)} onToggle={toggle} />
            ) : (
              <PageEventRow key={item.id} item={item.event} pageStart={pageStart} expanded={expanded.has(item.id)} onToggle={toggle} />
            ),
          )}
        </ol>
      )}
      {visible.length < shown.length && (
        <button type="button" class="more" data-testid="show-more" onClick={() => setLimit(limit + pageSize)}>
          Show {Math.min(pageSize, shown.length - visible.length).toLocaleString('en-US')} more (of {(shown.length - visible.length).toLocaleString('en-US')} older)
        </button>
      )}
    </div>
  );
}
