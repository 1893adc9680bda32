import { useCallback, useMemo, useState } from 'preact/hooks';
import type { VendorId } from '@/lib/tags/vendors';
import type { HitFilter } from '@/lib/view/hit-filter';
import { pageCounts } from '@/lib/view/inventory';
import type { PopupActions, PopupModel } from '../model';
import { EmptyState } from './EmptyState';
import { ErrorBanner } from './ErrorBanner';
import { ExportBar } from './ExportBar';
import { Header } from './Header';
import { TabBar, TabPanel } from './TabBar';
import { DEFAULT_VIEW, popupViews, type PopupView, type ViewContext } from './views';

export interface AppProps {
  model: PopupModel;
  actions: PopupActions;
  /** The view shown first (`?view=hits`); Goals unless said. */
  initialView?: string;
  /** Replace the views (tests, or a view under construction); default: popupViews. */
  views?: (model: PopupModel, ctx: ViewContext) => PopupView[];
}

export function App({ model, actions, initialView = DEFAULT_VIEW, views = popupViews }: AppProps) {
  const [viewId, setViewId] = useState(initialView);
  const [filter, setFilter] = useState<HitFilter>({});
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
  const pageEvents = useMemo(() => model.stream.length - model.hits.length, [model.stream, model.hits]);
  const { status } = model;

  return (
    <div class="popup">
      {model.lastError && <ErrorBanner error={model.lastError} onDismiss={actions.dismissError} />}
      {status.kind === 'loading' && <p class="muted loading">Loading…</p>}
      {status.kind === 'unavailable' && (
        <>
          <Header sessions={model.sessions} onSelectSession={actions.selectSession} />
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
            counts={{ ...counts, pageEvents }}
            onSelectSession={actions.selectSession}
            onClear={actions.clear}
          />
          {model.audit && <ExportBar onExport={actions.exportReport} onCopy={actions.copySummary} />}
          <TabBar tabs={list} selected={active?.id ?? ''} onSelect={select} label="Tagwatch views" />
          {active && <TabPanel id={active.id}>{active.render()}</TabPanel>}
        </>
      )}
    </div>
  );
}
