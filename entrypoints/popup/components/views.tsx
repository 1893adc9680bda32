import type { ComponentChildren } from 'preact';
import type { VendorId } from '@/lib/tags/vendors';
import { shortUrl } from '@/lib/view/format';
import type { HitFilter } from '@/lib/view/hit-filter';
import type { PopupActions, PopupModel } from '../model';
import { FindingsView } from './FindingsView';
import { GoalsView } from './GoalsView';
import { HitsView } from './HitsView';
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
  /** Switch to Hits with one hit opened. */
  showHit: (hitId: string) => void;
  /** The hit Hits should open and scroll to (set by showHit). */
  focusHit?: string;
  /** Switch to Goals with one goal opened. */
  showGoal: (goalId: string) => void;
  /** The goal Goals should scroll to (set by showGoal). */
  focusGoal?: string;
  /** The goals opened in the Goals view. */
  expandedGoals: ReadonlySet<string>;
  toggleGoal: (goalId: string) => void;
  actions: PopupActions;
}

export interface PopupView extends TabItem {
  render: () => ComponentChildren;
}

export const DEFAULT_VIEW = 'goals';

/** The popup's views, in tab order: the audit first, what it is made of after. A new view is one more entry here. */
export function popupViews(model: PopupModel, ctx: ViewContext): PopupView[] {
  const pageStart = model.session?.startedAt ?? 0;
  const hitCount = model.hits.length;
  const broken = model.inventory.some((s) => s.blocked > 0 || s.failed > 0);
  const errors = model.audit?.findings.find((g) => g.severity === 'error')?.findings.length ?? 0;
  return [
    {
      id: 'goals',
      label: 'Goals',
      render: () => (
        <GoalsView
          goals={model.audit?.goals ?? []}
          plans={model.audit?.plans.length}
          {...(model.session ? { pageUrl: shortUrl(model.session.url) } : {})}
          pageStart={pageStart}
          expanded={ctx.expandedGoals}
          onToggle={ctx.toggleGoal}
          onShowHit={ctx.showHit}
          onOpenOptions={ctx.actions.openOptions}
          {...(ctx.focusGoal ? { focusGoal: ctx.focusGoal } : {})}
        />
      ),
    },
    {
      id: 'findings',
      label: 'Findings',
      // The count is of errors: what needs fixing. Warnings and notes are in the view.
      ...(model.audit ? { count: errors, alert: errors > 0 } : {}),
      render: () => <FindingsView groups={model.audit?.findings ?? []} onShowGoal={ctx.showGoal} onShowHit={ctx.showHit} />,
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
        <HitsView
          items={model.stream}
          vendors={model.inventory}
          pageStart={pageStart}
          filter={ctx.filter}
          onFilterChange={ctx.setFilter}
          {...(ctx.focusHit ? { focusHit: ctx.focusHit } : {})}
        />
      ),
    },
  ];
}
