import { clockTime } from '@/lib/view/format';
import type { VisitFunnels } from '@/lib/view/funnels';
import { STEP_SYMBOL, STEP_WORDS, funnelSummary, stepDetail, stepState } from '@/lib/words';
import './FunnelsView.css';

interface FunnelsViewProps {
  visit: VisitFunnels;
}

/** The funnels of the visit: each step ✓ reached and tracked, ✗ reached but not tracked, – not reached. */
export function FunnelsView({ visit }: FunnelsViewProps) {
  return (
    <div class="funnels-view" data-testid="funnels">
      <p class="muted small">
        This visit: {visit.pages} {visit.pages === 1 ? 'page' : 'pages'}
        {visit.tabs > 1 ? ` in ${visit.tabs} tabs` : ''} since {clockTime(visit.startedAt)}.
      </p>
      {visit.untracked.map((f) => (
        <p key={`${f.funnelId}-${f.goalId}`} class="funnel-alert" data-testid="funnel-untracked" role="alert">
          {f.message}
        </p>
      ))}
      {visit.funnels.map((funnel) => (
        <section key={funnel.id} class="funnel" data-testid="funnel" data-funnel={funnel.id}>
          <h2 class="funnel-title">
            {funnel.name} <span class="muted small">{funnelSummary(funnel)}</span>
          </h2>
          <ol class="funnel-steps">
            {funnel.steps.map((step) => {
              const state = stepState(step);
              return (
                <li
                  key={step.goal}
                  class={`funnel-step ${state}`}
                  data-testid="funnel-step"
                  data-goal={step.goal}
                  data-state={state}
                >
                  <span class="step-symbol" role="img" aria-label={STEP_WORDS[state]}>
                    {STEP_SYMBOL[state]}
                  </span>{' '}
                  <span class="step-name">{step.name}</span> <span class="muted small">{stepDetail(step)}</span>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}
