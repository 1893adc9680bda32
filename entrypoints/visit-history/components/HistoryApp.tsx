import { openOptions } from '../../shared/data';
import { ErrorNote } from './ErrorNote';
import type { HistoryActions, HistoryModel } from '../state';
import { CompareView } from './CompareView';
import { VisitList } from './VisitList';
import { VisitTimelineView } from './VisitTimelineView';
import './HistoryApp.css';

/** The frame: the page's title and links, then the list, one visit, or two compared. */
export function HistoryApp({ model, actions }: { model: HistoryModel; actions: HistoryActions }) {
  const { route } = model;
  return (
    <div class="history">
      <header class="history-top">
        <h1>Tagwatch history</h1>
        <nav class="history-links">
          {route.kind !== 'list' && (
            <button type="button" class="link" data-testid="history-back" onClick={actions.back}>
              ← All visits
            </button>
          )}
          <button type="button" class="link" onClick={openOptions}>
            Tracking plans
          </button>
        </nav>
      </header>
      {model.error && <ErrorNote message={model.error} />}
      {route.kind === 'list' && <VisitList model={model} actions={actions} />}
      {route.kind === 'visit' && <VisitTimelineView loaded={model.opened} />}
      {route.kind === 'compare' && <CompareView loaded={model.compared} />}
    </div>
  );
}
