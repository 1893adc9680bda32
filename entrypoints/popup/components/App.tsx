import { useMemo, useState } from 'preact/hooks';
import type { VendorId } from '@/lib/tags/vendors';
import type { HitFilter } from '@/lib/view/hit-filter';
import { pageCounts } from '@/lib/view/inventory';
import type { PopupActions, PopupModel } from '../model';
import { EmptyState } from './EmptyState';
import { ErrorBanner } from './ErrorBanner';
import { Header } from './Header';
import { TabBar, TabPanel } from './TabBar';
import { DEFAULT_VIEW, popupViews, type PopupView, type ViewContext } from './views';

export interface AppProps {
  model: PopupModel;
  actions: PopupActions;
  /** The view shown first (`?view=hits`); Tags unless said. */
  initialView?: string;
  /** Replace the views (tests, or a view under construction); default: popupViews. */
  views?: (model: PopupModel, ctx: ViewContext) => PopupView[];
}

export function App({ model, actions, initialView = DEFAULT_VIEW, views = popupViews }: AppProps) {
  const [viewId, setViewId] = useState(initialView);
  const [filter, setFilter] = useState<HitFilter>({});
  const ctx: ViewContext = {
    filter,
    setFilter,
    show: setViewId,
    showHits: (vendor: VendorId) => {
      setFilter({ ...filter, vendor });
      setViewId('hits');
    },
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
          <TabBar tabs={list} selected={active?.id ?? ''} onSelect={setViewId} label="Tagwatch views" />
          {active && <TabPanel id={active.id}>{active.render()}</TabPanel>}
        </>
      )}
    </div>
  );
}
