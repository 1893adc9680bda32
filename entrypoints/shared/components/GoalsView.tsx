import { useEffect, useRef, useState } from 'preact/hooks';
import { clockTime, offsetTime } from '@/lib/view/format';
import type { FiringView, GoalView, TagLine } from '@/lib/view/goals';
import type { PageAudit } from '@/lib/view/page-audit';
import { STATUS_WORDS, type Verdict } from '@/lib/words';
import { HitDetails } from './HitInspector';
import { StatusIcon } from './StatusIcon';
import './GoalsView.css';

interface GoalsViewProps {
  goals: readonly GoalView[];
  /** The lines above the goals (lib/view/page-audit): headline, next step, the folded goals, the site's kind. */
  lines?: Pick<PageAudit, 'headline' | 'nextStep' | 'folded' | 'site'>;
  /** How many plans are in force; undefined while they are being read. */
  plans: number | undefined;
  /** The page the goals are for: named when no goal applies to it. */
  pageUrl?: string;
  pageStart: number;
  expanded: ReadonlySet<string>;
  onToggle: (goalId: string) => void;
  onShowHit: (hitId: string) => void;
  onOpenOptions: () => void;
  /** Scroll to this goal and move the focus to it (another view asked for it). */
  focusGoal?: string;
}

const detailsId = (goalId: string) => `goal-details-${goalId}`;

/** The goals of the plan for this page: did each fire, and did each expected tag go out. */
export function GoalsView({
  goals,
  lines,
  plans,
  pageUrl,
  pageStart,
  expanded,
  onToggle,
  onShowHit,
  onOpenOptions,
  focusGoal,
}: GoalsViewProps) {
  const list = useRef<HTMLUListElement>(null);
  const [showAll, setShowAll] = useState(false);
  const folded = goals.filter((g) => g.state === 'not_triggered');
  const open = showAll || (focusGoal !== undefined && folded.some((g) => g.id === focusGoal));
  const shown = open ? goals : goals.filter((g) => g.state !== 'not_triggered');
  useEffect(() => {
    if (!focusGoal) return;
    const row = [...(list.current?.querySelectorAll<HTMLElement>('[data-testid=goal-row]') ?? [])].find(
      (r) => r.dataset.goal === focusGoal,
    );
    row?.scrollIntoView?.({ block: 'nearest' });
    row?.querySelector<HTMLElement>('.goal-summary')?.focus();
  }, [focusGoal]);
  if (plans === undefined) return <p class="muted loading">Reading the tracking plans…</p>;
  if (plans === 0 || goals.length === 0) {
    return (
      <div class="empty" data-testid="goals-empty" role="status">
        {plans === 0 ? (
          <p>
            No tracking plan is in force, so Tagwatch cannot tell which goals should fire here. Write one or start from
            a preset in the options.
          </p>
        ) : (
          <p>
            No goal of your tracking {plans === 1 ? 'plan' : 'plans'} applies to this page
            {pageUrl ? ` (${pageUrl})` : ''}. Add goals for it in the options.
          </p>
        )}
        <button type="button" class="empty-action" onClick={onOpenOptions}>
          Open the tracking plans
        </button>
      </div>
    );
  }
  return (
    <div class="goals-view">
      {lines && (
        <>
          <p class="goals-headline" data-testid="goals-headline">
            {lines.headline}
          </p>
          <p class="next-step" data-testid="next-step" role="status">
            {lines.nextStep}
          </p>
          {lines.site && (
            <p class="site-kind muted" data-testid="site-kind">
              {lines.site}
            </p>
          )}
        </>
      )}
      <ul class="goals" aria-label="Goals of the plan for this page" ref={list}>
        {shown.map((goal) => (
          <GoalRow
            key={goal.id}
            goal={goal}
            pageStart={pageStart}
            expanded={expanded.has(goal.id)}
            onToggle={onToggle}
            onShowHit={onShowHit}
          />
        ))}
      </ul>
      {folded.length > 0 && lines?.folded && (
        <button
          type="button"
          class="link folded"
          data-testid="goals-folded"
          aria-expanded={open}
          onClick={() => setShowAll(!open)}
        >
          {lines.folded} — {open ? 'hide' : 'show'}
        </button>
      )}
      <p class="legend muted" aria-hidden="true">
        {LEGEND.map(([status, words]) => (
          <span key={status}>
            <StatusIcon status={status} /> {words}
          </span>
        ))}
      </p>
    </div>
  );
}

const LEGEND: ReadonlyArray<[Verdict, string]> = (
  ['sent', 'missing', 'blocked', 'failed', 'not_triggered'] as const
).map((s) => [s, STATUS_WORDS[s]]);

const STATE_MARKS: Record<GoalView['state'], { icon: Verdict | 'owned'; label: string }> = {
  tracked: { icon: 'sent', label: 'Fired, every tag sent' },
  problem: { icon: 'missing', label: 'Fired, some tags missing' },
  no_tags: { icon: 'sent', label: 'Fired (no tags expected)' },
  owned: { icon: 'owned', label: 'Matched an action another goal owns' },
  not_triggered: { icon: 'not_triggered', label: 'Not triggered yet' },
};

interface GoalRowProps {
  goal: GoalView;
  pageStart: number;
  expanded: boolean;
  onToggle: (goalId: string) => void;
  onShowHit: (hitId: string) => void;
}

function GoalRow({ goal, pageStart, expanded, onToggle, onShowHit }: GoalRowProps) {
  const state = STATE_MARKS[goal.state];
  return (
    <li
      class={`goal-row ${goal.state}`}
      data-testid="goal-row"
      data-goal={goal.id}
      data-fired={goal.fired > 0 ? 'true' : 'false'}
      data-state={goal.state}
    >
      <button
        type="button"
        class="goal-summary"
        aria-expanded={expanded}
        aria-controls={detailsId(goal.id)}
        onClick={() => onToggle(goal.id)}
      >
        <span class={`goal-mark ${goal.state}`} title={state.label}>
          <StatusIcon status={state.icon} />
          <span class="visually-hidden">{state.label}: </span>
        </span>
        <span class="goal-main">
          <span class="goal-head">
            <span class="goal-name">{goal.name}</span>
            <span class="goal-fired">{goal.firedWords}</span>
          </span>
          {goal.state === 'owned' ? null : goal.tags.length > 0 ? (
            <span class="goal-tags">
              {goal.tags.map((t, i) => (
                <span
                  key={i}
                  class={`goal-tag ${t.status}`}
                  data-testid="goal-tag"
                  data-vendor={t.vendor}
                  data-event={t.event ?? ''}
                  data-status={t.status}
                  title={`${t.vendorName}: ${t.expected} — ${t.words}`}
                >
                  <StatusIcon status={t.status} /> {t.vendorName} <code>{t.event ?? 'any event'}</code>{' '}
                  {/* A goal that has not fired: every tag is only expected, the row says so once. */}
                  <span class={t.status === 'not_triggered' ? 'visually-hidden' : 'tag-state'}>{t.words}</span>
                </span>
              ))}
            </span>
          ) : (
            <span class="goal-tags muted">no tags expected: logged only</span>
          )}
        </span>
        <span class="chevron" aria-hidden="true">
          {expanded ? '▾' : '▸'}
        </span>
      </button>
      {expanded && <GoalDetails goal={goal} pageStart={pageStart} onShowHit={onShowHit} />}
    </li>
  );
}

function GoalDetails({
  goal,
  pageStart,
  onShowHit,
}: {
  goal: GoalView;
  pageStart: number;
  onShowHit: (hitId: string) => void;
}) {
  return (
    <div class="goal-details" id={detailsId(goal.id)} data-testid="goal-details">
      <p class="muted">
        Counts when {goal.when}.
        {goal.whenDetail && (
          <>
            {' '}
            <code class="selector">{goal.whenDetail}</code>
          </>
        )}
      </p>
      {goal.fired === 0 ? (
        goal.tags.length > 0 && (
          <>
            <p>When it does, Tagwatch expects:</p>
            <ul class="expected">
              {goal.tags.map((t, i) => (
                <li key={i}>
                  {t.vendorName} <code>{t.expected}</code>
                </li>
              ))}
            </ul>
          </>
        )
      ) : (
        <ol class="firings" aria-label={`Each time “${goal.name}” fired`}>
          {goal.firings.map((f) => (
            <Firing key={f.id} firing={f} pageStart={pageStart} onShowHit={onShowHit} />
          ))}
        </ol>
      )}
    </div>
  );
}

function Firing({
  firing,
  pageStart,
  onShowHit,
}: {
  firing: FiringView;
  pageStart: number;
  onShowHit: (hitId: string) => void;
}) {
  return (
    <li class="firing" data-testid="goal-firing">
      <p class="firing-head">
        <span>
          {firing.ownedBy ? 'Matched' : 'Fired'} on <strong>{firing.what}</strong>
          {firing.selector && (
            <>
              {' '}
              <code class="selector">{firing.selector}</code>
            </>
          )}
        </span>
        <span class="when">
          <time dateTime={new Date(firing.at).toISOString()}>{clockTime(firing.at).slice(0, 8)}</time>
          <span class="offset">{offsetTime(firing.at, pageStart)}</span>
        </span>
      </p>
      {firing.ownedBy && (
        <p class="owned-note" data-testid="owned-by">
          Matched, owned by “{firing.ownedBy}”: the same action, judged there.
        </p>
      )}
      {firing.alsoMatched.length > 0 && (
        <p class="muted" data-testid="also-matched">
          Also matched: {firing.alsoMatched.map((n) => `“${n}”`).join(', ')} — no second verdict.
        </p>
      )}
      {firing.tags.length > 0 && (
        <ul class="firing-tags">
          {firing.tags.map((t, i) => (
            <FiringTag key={i} tag={t} onShowHit={onShowHit} />
          ))}
        </ul>
      )}
    </li>
  );
}

function FiringTag({ tag, onShowHit }: { tag: TagLine; onShowHit: (hitId: string) => void }) {
  return (
    <li
      class={`firing-tag ${tag.status}`}
      data-testid="firing-tag"
      data-vendor={tag.vendor}
      data-event={tag.event ?? ''}
      data-status={tag.status}
    >
      <span class="sym">
        <StatusIcon status={tag.status} />
      </span>
      <div class="firing-tag-body">
        <p>{tag.sentence}</p>
        {tag.hint && <p class="hint">{tag.hint}</p>}
        {tag.hitId &&
          (tag.hitShown ? (
            <button type="button" class="link" onClick={() => onShowHit(tag.hitId!)}>
              {tag.status === 'sent' ? 'Show the hit' : 'Show the request'} in Hits
            </button>
          ) : (
            tag.hit && (
              <details class="inline-hit">
                <summary>Show the hit (sent as the page unloaded: it is listed with the next page)</summary>
                <HitDetails hit={tag.hit} />
              </details>
            )
          ))}
      </div>
    </li>
  );
}
