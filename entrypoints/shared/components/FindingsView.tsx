import { clockTime } from '@/lib/view/format';
import type { FindingGroup } from '@/lib/view/findings';
import './FindingsView.css';

interface FindingsViewProps {
  groups: readonly FindingGroup[];
  /** Open the Goals view on a goal. */
  onShowGoal: (goalId: string) => void;
  /** Open the Hits view on a hit. */
  onShowHit: (hitId: string) => void;
}

const SEVERITY_MARKS = { error: '●', warning: '▲', info: 'ℹ' } as const;

/** What the audit found: errors, then warnings, then notes, each saying what happened and what to do. */
export function FindingsView({ groups, onShowGoal, onShowHit }: FindingsViewProps) {
  if (groups.length === 0) {
    return (
      <div class="empty" data-testid="findings-empty" role="status">
        <p>No problems found on this page: no tag missing, nothing sent twice, no personal data in the hits.</p>
      </div>
    );
  }
  return (
    <div class="findings-view">
      {groups.map((g) => (
        <section key={g.severity} class={`finding-group ${g.severity}`} aria-labelledby={`findings-${g.severity}`}>
          <h2 id={`findings-${g.severity}`} class="group-title">
            {g.title} <span class="group-count">{g.findings.length}</span>
          </h2>
          <ul class="findings">
            {g.findings.map((f) => (
              <li
                key={f.key}
                class={`finding ${f.severity}`}
                data-testid="finding"
                data-kind={f.kind}
                data-severity={f.severity}
              >
                <p class="finding-label">
                  <span class="sev" aria-hidden="true">
                    {SEVERITY_MARKS[f.severity]}
                  </span>
                  <strong>{f.label}</strong>
                  {f.vendorName && <span class="muted"> · {f.vendorName}</span>}
                  {f.at !== undefined && (
                    <time class="muted" dateTime={new Date(f.at).toISOString()}>
                      {clockTime(f.at).slice(0, 8)}
                    </time>
                  )}
                </p>
                <p class="finding-message">{f.message}</p>
                {f.detail && (
                  <details class="finding-detail">
                    <summary>Developer detail</summary>
                    <pre>{f.detail}</pre>
                  </details>
                )}
                {(f.goalId || (f.hitId && f.hitShown)) && (
                  <p class="finding-where">
                    {f.goalId && (
                      <button type="button" class="link" onClick={() => onShowGoal(f.goalId!)}>
                        Goal: {f.goalName}
                      </button>
                    )}
                    {f.hitId && f.hitShown && (
                      <button type="button" class="link" onClick={() => onShowHit(f.hitId!)}>
                        Show the hit
                      </button>
                    )}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
