import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { StoredHit } from '@/lib/store';
import { plural } from '@/lib/view/format';
import type { HitGoal } from '@/lib/view/hit-goals';
import { filterChoices, filterHits, isFiltering, type HitFilter } from '@/lib/view/hit-filter';
import type { VendorSummary } from '@/lib/view/inventory';
import type { StreamItem } from '@/lib/view/stream';
import { EmptyState } from './EmptyState';
import { FilterBar } from './FilterBar';
import { HitInspector } from './HitInspector';
import { GoalFiringRow, HitRow, INSPECTOR_ID, PageEventRow, PageSeparator, RouteRow } from './HitRow';
import { VirtualList } from './VirtualList';
import './HitsView.css';

/**
 * list: newest first, a hit opens under its row (the popup, the side panel) · split: the DevTools timeline,
 * newest last and following the end, the opened hit in a pane beside it with copy and compare.
 */
export type HitsLayout = 'list' | 'split';

interface HitsViewProps {
  /** The timeline (lib/view/stream.ts), in the layout's order. */
  items: readonly StreamItem[];
  /** The vendors for the filter's list. */
  vendors: readonly VendorSummary[];
  /** When each page on the timeline began (a row's time is from its own page's start). */
  pageStarts: ReadonlyMap<string, number>;
  /** The tab's current page (its separator says so). */
  currentSessionId?: string;
  filter: HitFilter;
  onFilterChange: (filter: HitFilter) => void;
  layout: HitsLayout;
  /** The hits on the timeline: what an opened hit can be compared with (split layout). */
  hits: readonly StoredHit[];
  goalsOf: (hit: StoredHit) => HitGoal[] | undefined;
  onCopy: (text: string) => Promise<void>;
  onShowGoal: (goalId: string) => void;
  /** Open this hit, scroll to it and move the focus to it (another view asked for it). */
  focusHit?: string;
}

/** The list held before when `list` has the same items: what a memoised child compares by identity. */
function useSameList<T>(list: readonly T[] | undefined): readonly T[] | undefined {
  const held = useRef(list);
  const prev = held.current;
  const same =
    prev === list || (!!prev && !!list && prev.length === list.length && prev.every((x, i) => x === list[i]));
  if (!same) held.current = list;
  return held.current;
}

/** Row heights before they are measured (HitRow.css): the list lays out 10,000 rows without drawing them. */
const ROW_PX = { list: 52, split: 30 } as const;

const focusable = (item: StreamItem) =>
  item.kind === 'hit' || item.kind === 'goal' || (item.kind === 'page' && !!item.event.data);
const keyOf = (item: StreamItem) => item.id;

export function HitsView({
  items,
  vendors,
  pageStarts,
  currentSessionId,
  filter,
  onFilterChange,
  layout,
  hits,
  goalsOf,
  onCopy,
  onShowGoal,
  focusHit,
}: HitsViewProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(
    () => new Set(focusHit && layout === 'list' ? [focusHit] : []),
  );
  const [selected, setSelected] = useState<string | undefined>(layout === 'split' ? focusHit : undefined);
  const shown = useMemo(() => filterHits(items, filter), [items, filter]);
  const choices = useMemo(() => (layout === 'split' ? filterChoices(items) : undefined), [items, layout]);
  // The filter bar re-renders only when its lists change, not on every new hit (its pickers hold many options).
  const events = useSameList(choices?.events);
  const accounts = useSameList(choices?.accounts);
  const vendorIds = useSameList(useMemo(() => vendors.map((v) => v.vendor), [vendors]));
  useEffect(() => {
    if (!focusHit) return;
    if (layout === 'split') setSelected(focusHit);
    else setExpanded((prev) => (prev.has(focusHit) ? prev : new Set(prev).add(focusHit)));
  }, [focusHit, layout]);
  const toggle = useCallback(
    (id: string) =>
      setExpanded((prev) => {
        const next = new Set(prev);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  const select = useCallback((id: string) => setSelected(id), []);
  const hitCount = useMemo(() => items.reduce((n, i) => n + (i.kind === 'hit' ? 1 : 0), 0), [items]);
  const selectedHit = useMemo(() => {
    if (!selected) return undefined;
    const item = items.find((i) => i.id === selected);
    return item?.kind === 'hit' ? item.hit : undefined;
  }, [items, selected]);

  if (items.length === 0) return <EmptyState reason="no-hits" />;

  const startOf = (sessionId: string) => pageStarts.get(sessionId) ?? 0;
  const opens = layout === 'split' ? 'pane' : 'inline';
  const renderRow = (item: StreamItem, { active }: { active: boolean }) => {
    switch (item.kind) {
      case 'hit': {
        const open = layout === 'split' ? item.id === selected : expanded.has(item.id);
        return (
          <HitRow
            item={item.hit}
            pageStart={startOf(item.sessionId)}
            active={active}
            open={open}
            opens={opens}
            onOpen={layout === 'split' ? select : toggle}
          >
            {open && layout === 'list' ? (
              <Inspector
                hit={item.hit}
                pageStart={startOf(item.sessionId)}
                goalsOf={goalsOf}
                onCopy={onCopy}
                id={`details-${item.id}`}
              />
            ) : undefined}
          </HitRow>
        );
      }
      case 'page':
        return (
          <PageEventRow
            item={item.event}
            pageStart={startOf(item.sessionId)}
            active={active}
            open={expanded.has(item.id)}
            onOpen={toggle}
          />
        );
      case 'goal':
        return (
          <GoalFiringRow
            item={item.firing}
            pageStart={startOf(item.sessionId)}
            active={active}
            onShowGoal={onShowGoal}
          />
        );
      case 'route':
        return <RouteRow item={item.navigation} pageStart={startOf(item.sessionId)} />;
      case 'separator':
        return <PageSeparator session={item.session} current={item.sessionId === currentSessionId} />;
    }
  };
  const shownHits = shown === items ? hitCount : shown.reduce((n, i) => n + (i.kind === 'hit' ? 1 : 0), 0);
  const order = layout === 'split' ? 'newest last' : 'newest first';

  const list = (
    <div class="hits-list">
      <p class="muted shown" aria-live="polite" data-testid="hits-shown">
        {isFiltering(filter)
          ? `${shownHits.toLocaleString('en-US')} of ${plural(hitCount, 'hit')} match`
          : plural(hitCount, 'hit')}
        {` · ${order}`}
      </p>
      {shownHits === 0 && isFiltering(filter) ? (
        <p class="no-match" data-testid="no-match">
          Nothing matches this filter.{' '}
          <button type="button" class="link" onClick={() => onFilterChange({})}>
            Clear the filter
          </button>
        </p>
      ) : (
        <VirtualList
          items={shown}
          keyOf={keyOf}
          focusable={focusable}
          render={renderRow}
          estimate={ROW_PX[layout]}
          follow={layout === 'split' ? 'bottom' : 'top'}
          label={`Hits, ${order}`}
          testId="hit-stream"
          {...(focusHit ? { focusKey: focusHit } : {})}
        />
      )}
    </div>
  );

  return (
    <div class={`hits hits-${layout}`}>
      <FilterBar
        filter={filter}
        onChange={onFilterChange}
        vendors={vendorIds ?? []}
        {...(events && accounts ? { events, accounts } : {})}
      />
      {layout === 'list' ? (
        list
      ) : (
        <div class="split">
          {list}
          <section class="pane" id={INSPECTOR_ID} aria-label="The hit opened" data-testid="hit-pane">
            {selectedHit ? (
              <Inspector
                hit={selectedHit}
                pageStart={startOf(selectedHit.sessionId)}
                goalsOf={goalsOf}
                onCopy={onCopy}
                others={hits}
              />
            ) : (
              <p class="muted pane-empty">
                Open a hit (click it, or move to it with the arrow keys and press Enter) to see its parameters, request
                and timing.
              </p>
            )}
          </section>
        </div>
      )}
    </div>
  );
}

function Inspector(props: {
  hit: StoredHit;
  pageStart: number;
  goalsOf: (hit: StoredHit) => HitGoal[] | undefined;
  onCopy: (text: string) => Promise<void>;
  others?: readonly StoredHit[];
  id?: string;
}) {
  const { goalsOf, ...rest } = props;
  return <HitInspector {...rest} goals={goalsOf(props.hit) ?? 'unknown'} />;
}
