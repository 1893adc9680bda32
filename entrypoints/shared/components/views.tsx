import type { ComponentChildren } from 'preact';
import type { VendorId } from '@/lib/tags/vendors';
import { consentView } from '@/lib/view/consent';
import { shortUrl } from '@/lib/view/format';
import type { HitFilter } from '@/lib/view/hit-filter';
import type { ViewActions, ViewModel } from '../model';
import { ConsentView } from './ConsentView';
import { FindingsView } from './FindingsView';
import { FunnelsView } from './FunnelsView';
import { GoalsView } from './GoalsView';
import { HitsView } from './HitsView';
import type { TabItem } from './TabBar';
import { TagsView } from './TagsView';

/** popup: the quick glance · sidepanel: the same, beside the page · devtools: the timeline with a detail pane. */
export type AppLayout = 'popup' | 'sidepanel' | 'devtools';

/** What a view may use beyond the model: the App's shared UI state. */
export interface ViewContext {
  layout: AppLayout;
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
  actions: ViewActions;
}

export interface TagwatchView extends TabItem {
  render: () => ComponentChildren;
}

export const DEFAULT_VIEW = 'goals';

/**
 * The views, in tab order: the audit first, what it is made of after. The same in the popup, the side panel and
 * the DevTools panel; only the Hits view's layout differs. A new view is one more entry here.
 */
export function tagwatchViews(model: ViewModel, ctx: ViewContext): TagwatchView[] {
  const pageStart = model.session?.startedAt ?? 0;
  const hitCount = model.hits.length;
  const broken = model.inventory.some((s) => s.blocked > 0 || s.failed > 0);
  const errors = model.audit?.findings.find((g) => g.severity === 'error')?.findings.length ?? 0;
  const consent = model.audit
    ? consentView(model.audit.audit.report, model.audit.audit.findings, pageStart)
    : undefined;
  return [
    {
      id: 'goals',
      label: 'Goals',
      render: () => (
        <GoalsView
          goals={model.audit?.goals ?? []}
          {...(model.audit ? { lines: model.audit } : {})}
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
      ...(model.audit ? { count: errors, alert: errors > 0 } : { count: 'pending' as const }),
      render: () => (
        <FindingsView groups={model.audit?.findings ?? []} onShowGoal={ctx.showGoal} onShowHit={ctx.showHit} />
      ),
    },
    {
      id: 'consent',
      label: 'Consent',
      ...(consent ? { count: consent.trackingCookies, alert: consent.errors > 0 } : { count: 'pending' as const }),
      render: () => (consent ? <ConsentView model={consent} /> : <p class="muted">Loading…</p>),
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
          pageStarts={model.pageStarts}
          {...(model.currentSessionId ? { currentSessionId: model.currentSessionId } : {})}
          filter={ctx.filter}
          onFilterChange={ctx.setFilter}
          layout={ctx.layout === 'devtools' ? 'split' : 'list'}
          hits={model.streamHits}
          goalsOf={ctx.actions.goalsOf}
          onCopy={ctx.actions.copyText}
          onShowGoal={ctx.showGoal}
          {...(ctx.focusHit ? { focusHit: ctx.focusHit } : {})}
        />
      ),
    },
    // Only where the plans' funnels apply to the visit: a page of no funnel gets no empty tab. Last: it appears
    // when the funnels are worked out, after the page's data, and no tab moves under the user's pointer then.
    ...(model.funnels
      ? [
          {
            id: 'funnels',
            label: 'Funnels',
            count: model.funnels.untracked.length,
            alert: model.funnels.untracked.length > 0,
            render: () => (model.funnels ? <FunnelsView visit={model.funnels} /> : null),
          },
        ]
      : []),
  ];
}
