import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { VendorId } from '@/lib/tags/vendors';
import type { HitFilter } from '@/lib/view/hit-filter';
import { pageCounts } from '@/lib/view/inventory';
import type { ViewActions, ViewModel } from '../model';
import { EmptyState } from './EmptyState';
import { ErrorBanner } from './ErrorBanner';
import { ExportBar } from './ExportBar';
import { FILTER_TEXT_ID } from './FilterBar';
import { Header } from './Header';
import { TabBar, TabPanel } from './TabBar';
import { DEFAULT_VIEW, tagwatchViews, type AppLayout, type TagwatchView, type ViewContext } from './views';
import './controls.css';
import './App.css';

export interface AppProps {
  model: ViewModel;
  actions: ViewActions;
  /** popup: the quick glance · sidepanel: the same beside the page · devtools: the timeline and a detail pane. */
  layout?: AppLayout;
  /** The view shown first (`?view=hits`); Goals unless said. */
  initialView?: string;
  /** The Hits filter to start with (the DevTools panel's, as the user left it). */
  initialFilter?: HitFilter;
  /** Told of each change of the Hits filter (the DevTools panel saves it). */
  onFilterChange?: (filter: HitFilter) => void;
  /** Replace the views (tests, or a view under construction); default: tagwatchViews. */
  views?: (model: ViewModel, ctx: ViewContext) => TagwatchView[];
}

/** The frame of every Tagwatch view: the page, its figures, the exports, the views' tabs and the one shown. */
export function App({
  model,
  actions,
  layout = 'popup',
  initialView = DEFAULT_VIEW,
  initialFilter = {},
  onFilterChange,
  views = tagwatchViews,
}: AppProps) {
  const [viewId, setViewId] = useState(initialView);
  const [filter, setFilterState] = useState<HitFilter>(initialFilter);
  const setFilter = useCallback(
    (next: HitFilter) => {
      setFilterState(next);
      onFilterChange?.(next);
    },
    [onFilterChange],
  );
  // A hit or a goal another view asked to open: the view scrolls to it and moves the focus there.
  const [focusHit, setFocusHit] = useState<string | undefined>(undefined);
  const [focusGoal, setFocusGoal] = useState<string | undefined>(undefined);
  const [expandedGoals, setExpandedGoals] = useState<ReadonlySet<string>>(() => new Set());
  const toggleGoal = useCallback(
    (id: string) =>
      setExpandedGoals((prev) => {
        const next = new Set(prev);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  // Choosing a view from the tab bar forgets what another view asked to open.
  const select = (id: string) => {
    setFocusHit(undefined);
    setFocusGoal(undefined);
    setViewId(id);
  };
  const ctx: ViewContext = {
    layout,
    filter,
    setFilter,
    show: select,
    showHits: (vendor: VendorId) => {
      setFilter({ ...filter, vendor });
      select('hits');
    },
    showHit: (hitId: string) => {
      // The whole stream, so the hit is in it whatever the filter was.
      setFilter({});
      setFocusGoal(undefined);
      setFocusHit(hitId);
      setViewId('hits');
    },
    ...(focusHit ? { focusHit } : {}),
    showGoal: (goalId: string) => {
      setExpandedGoals((prev) => new Set(prev).add(goalId));
      setFocusHit(undefined);
      setFocusGoal(goalId);
      setViewId('goals');
    },
    ...(focusGoal ? { focusGoal } : {}),
    expandedGoals,
    toggleGoal,
    actions,
  };
  const list = views(model, ctx);
  const active = list.find((v) => v.id === viewId) ?? list.find((v) => v.id === DEFAULT_VIEW) ?? list[0];
  const counts = useMemo(() => pageCounts(model.inventory), [model.inventory]);
  const { status } = model;
  // `/` from anywhere but a field: to the Hits filter, as in DevTools and most web apps.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, select, textarea, [contenteditable]')) return;
      e.preventDefault();
      setFocusHit(undefined);
      setFocusGoal(undefined);
      setViewId('hits');
      // The field exists once the Hits view is drawn (a render later when another view was shown).
      const focus = () => document.getElementById(FILTER_TEXT_ID)?.focus();
      focus();
      setTimeout(focus, 0);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div class={`app layout-${layout}`}>
      {model.lastError && <ErrorBanner error={model.lastError} onDismiss={actions.dismissError} />}
      {status.kind === 'loading' && <p class="muted loading">Loading…</p>}
      {status.kind === 'unavailable' && (
        <>
          <Header
            sessions={model.sessions}
            onSelectSession={actions.selectSession}
            onOpenHistory={actions.openHistory}
          />
          <EmptyState reason={status.reason}>
            <p>{status.message}</p>
          </EmptyState>
        </>
      )}
      {status.kind === 'ready' && (
        <>
          <Header
            session={model.session}
            sessions={model.sessions}
            counts={{ ...counts, pageEvents: model.pageEvents }}
            onSelectSession={actions.selectSession}
            onClear={actions.clear}
            {...(model.scope === 'log'
              ? { preserveLog: { on: model.preserveLog, onChange: actions.setPreserveLog } }
              : {})}
            {...(actions.openSidePanel ? { onOpenSidePanel: actions.openSidePanel } : {})}
            onOpenHistory={actions.openHistory}
          />
          <ExportBar onExport={actions.exportReport} onCopy={actions.copySummary} ready={model.audit !== undefined} />
          <TabBar tabs={list} selected={active?.id ?? ''} onSelect={select} label="Tagwatch views" />
          {active && <TabPanel id={active.id}>{active.render()}</TabPanel>}
        </>
      )}
    </div>
  );
}
