import type { Finding } from './findings';
import { judged, type GoalResult } from './reconcile';

// What the toolbar badge says about a tab: problems first (red), else the goals that fired (green), else how
// many hits were seen (grey) so the user knows Tagwatch is watching.

export type BadgeColor = 'red' | 'green' | 'grey';

export interface TabSummary {
  /** Goals of the plan that own at least one action (a goal whose every firing another goal owns is not counted twice). */
  firedGoals: number;
  /** Error-level findings. */
  problems: number;
  badge: { text: string; color: BadgeColor };
}

/** A badge holds about four characters. */
function badgeText(n: number): string {
  return n > 999 ? '999+' : String(n);
}

export function tabSummary(results: readonly GoalResult[], findings: readonly Finding[], hitCount = 0): TabSummary {
  const firedGoals = results.filter((r) => judged(r).length > 0).length;
  const problems = findings.filter((f) => f.severity === 'error').length;
  const badge: TabSummary['badge'] =
    problems > 0
      ? { text: badgeText(problems), color: 'red' }
      : firedGoals > 0
        ? { text: badgeText(firedGoals), color: 'green' }
        : { text: hitCount > 0 ? badgeText(hitCount) : '', color: 'grey' };
  return { firedGoals, problems, badge };
}
