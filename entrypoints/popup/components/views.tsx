import type { ComponentChildren } from 'preact';
import type { VendorId } from '@/lib/tags/vendors';
import type { HitFilter } from '@/lib/view/hit-filter';
import type { PopupModel } from '../model';
import { HitsView } from './HitsView';
import { PlaceholderView } from './PlaceholderView';
import type { TabItem } from './TabBar';
import { TagsView } from './TagsView';

/** What a view may use beyond the model: the App's shared UI state. */
export interface ViewContext {
  filter: HitFilter;
  setFilter: (filter: HitFilter) => void;
  /** Switch to another view (`'hits'`, …). */
  show: (viewId: string) => void;
  /** Switch to Hits filtered to one vendor. */
  showHits: (vendor: VendorId) => void;
}

export interface PopupView extends TabItem {
  render: () => ComponentChildren;
}

export const DEFAULT_VIEW = 'tags';

/** The popup's views, in tab order. A new view is one more entry here. */
export function popupViews(model: PopupModel, ctx: ViewContext): PopupView[] {
  const pageStart = model.session?.startedAt ?? 0;
  const hitCount = model.hits.length;
  const broken = model.inventory.some((s) => s.blocked > 0 || s.failed > 0);
  return [
    {
      id: 'goals',
      label: 'Goals',
      // To build: the goals in force on model.session.url, their firings (model.firings) and the tags each produced or missed.
      render: () => <PlaceholderView what="Goals for this page will be listed here." />,
    },
    {
      id: 'tags',
      label: 'Tags',
      count: model.inventory.length,
      alert: broken,
      render: () => <TagsView inventory={model.inventory} pageStart={pageStart} onShowHits={ctx.showHits} />,
    },
    {
      id: 'hits',
      label: 'Hits',
      count: hitCount,
      render: () => (
        <HitsView items={model.stream} vendors={model.inventory} pageStart={pageStart} filter={ctx.filter} onFilterChange={ctx.setFilter} />
      ),
    },
    {
      id: 'findings',
      label: 'Findings',
      render: () => <PlaceholderView what="Findings (duplicates, personal data in hits, tags before consent…) will be listed here." />,
    },
  ];
}
