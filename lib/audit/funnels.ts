import { stepGoals } from '../goals/funnels';
import type { ExpectedTag, Funnel } from '../goals/types';
import { clock, expectedObject, listWords, vendorName } from '../words';
import type { Where } from './findings';
import type { GoalResult } from './reconcile';

// Funnels over a visit: each step reached or not, when, on which page, and whether its tags were sent. A step
// reached but never tracked is what breaks an analytics funnel silently (the vendor's funnel report shows 100 %
// drop-off there), so it is a finding of its own, once per step of the visit however often the step was reached.
// Pure: the caller passes the reconciliation of the visit's records.

/** One expected tag of a step that was never sent during the visit, with what happened instead. */
export interface FunnelTagGap {
  vendor: ExpectedTag['vendor'];
  event?: string;
  /** missing: no matching hit; blocked / failed: it was tried and did not get through. */
  status: 'missing' | 'blocked' | 'failed';
}

export interface FunnelStepResult {
  /** The goal that reached the step (its first firing's); the step's first goal when it was not reached. */
  goal: string;
  /** Every goal that is this step (a step may list several); absent when it is `goal` alone. */
  goals?: string[];
  /** The goal's name, for the views. */
  name: string;
  reached: boolean;
  /** Every tag the step expects was sent at least once while the visitor was on it; true when it expects none. */
  tracked: boolean;
  /** When the step was first reached (ms since the epoch). */
  at?: number;
  /** The page (URL) where it was first reached. */
  page?: string;
  /** The expected tags never sent for the step (reached steps only). */
  missing?: FunnelTagGap[];
}

export interface FunnelResult {
  id: string;
  name: string;
  steps: FunnelStepResult[];
}

export interface FunnelStepUntrackedFinding extends Where {
  kind: 'funnel_step_untracked';
  severity: 'error';
  at: number;
  funnelId: string;
  goalId: string;
  /** The page where the step was reached. */
  page: string;
  /** The first tag never sent (the full list in `missing`). */
  vendor: ExpectedTag['vendor'];
  event?: string;
  missing: FunnelTagGap[];
  firingId: string;
}

const STATUS_RANK = { sent: 0, blocked: 1, failed: 2, missing: 3 } as const;

function tagKey(t: ExpectedTag): string {
  return `${t.vendor}\u0000${t.event ?? ''}`;
}

/** The path of a URL, as a marketer reads it in a sentence (`/checkout`); the URL itself when it is not one. */
export function pagePath(url: string): string {
  try {
    const u = new URL(url);
    return `${u.pathname}${u.search}` || '/';
  } catch {
    return url;
  }
}

/** Evaluate each funnel against the goal results of one visit. */
export function evaluateFunnels(funnels: readonly Funnel[], results: readonly GoalResult[]): FunnelResult[] {
  const byGoal = new Map(results.map((r) => [r.goal.id, r]));
  return funnels.map((funnel) => ({
    id: funnel.id,
    name: funnel.name,
    steps: funnel.steps.map((step) => stepResult(stepGoals(step), byGoal)),
  }));
}

function stepResult(ids: readonly string[], byGoal: ReadonlyMap<string, GoalResult>): FunnelStepResult {
  const firings = ids
    .flatMap((id) => (byGoal.get(id)?.firings ?? []).map((f) => ({ goal: byGoal.get(id)!.goal, f })))
    .sort((a, b) => a.f.firing.at - b.f.firing.at);
  const first = firings[0];
  const fallback = byGoal.get(ids[0]!)?.goal;
  const all = ids.length > 1 ? { goals: [...ids] } : {};
  if (!first) return { goal: ids[0]!, ...all, name: fallback?.name ?? ids[0]!, reached: false, tracked: false };
  // Each expected tag, at its best over the step's actions: one action that sent it is enough for the funnel.
  // A firing another goal owns carries no verdict; the owner's firing does (it is in the results too).
  const best = new Map<string, { expected: ExpectedTag; status: keyof typeof STATUS_RANK }>();
  const owners = new Set<string>();
  for (const { f } of firings) {
    const verdict = f.ownedBy ? undefined : f.tags;
    if (f.ownedBy) owners.add(f.ownedBy.firing.id);
    for (const t of verdict ?? []) {
      const seen = best.get(tagKey(t.expected));
      if (!seen || STATUS_RANK[t.status] < STATUS_RANK[seen.status])
        best.set(tagKey(t.expected), { expected: t.expected, status: t.status });
    }
  }
  // Firings of goals outside the step that own one of the step's actions: their verdict is the step's too.
  for (const result of byGoal.values())
    for (const f of result.firings)
      if (owners.has(f.firing.id))
        for (const t of f.tags) {
          const seen = best.get(tagKey(t.expected));
          if (!seen || STATUS_RANK[t.status] < STATUS_RANK[seen.status])
            best.set(tagKey(t.expected), { expected: t.expected, status: t.status });
        }
  const missing: FunnelTagGap[] = [...best.values()]
    .filter((b) => b.status !== 'sent')
    .map((b) => ({
      vendor: b.expected.vendor,
      ...(b.expected.event !== undefined ? { event: b.expected.event } : {}),
      status: b.status as FunnelTagGap['status'],
    }));
  return {
    goal: first.goal.id,
    ...all,
    name: first.goal.name,
    reached: true,
    tracked: missing.length === 0,
    at: first.f.firing.at,
    page: first.f.firing.url,
    ...(missing.length > 0 ? { missing } : {}),
  };
}

/** `GA4 begin_checkout`, `Meta Pixel InitiateCheckout`. */
function gapWords(gap: FunnelTagGap): string {
  return `${vendorName(gap.vendor)} ${gap.event ?? expectedObject({ vendor: gap.vendor })}`;
}

/** One finding per reached step whose tags were never sent, in the funnels' order; a step shared by two funnels once. */
export function funnelFindings(
  results: readonly FunnelResult[],
  firingIdOf: (goalId: string, at: number) => string,
  timeZone?: string,
): Array<FunnelStepUntrackedFinding & { steps: string[] }> {
  const out: Array<FunnelStepUntrackedFinding & { steps: string[] }> = [];
  const told = new Set<string>();
  for (const funnel of results)
    for (const step of funnel.steps) {
      if (!step.reached || step.tracked || !step.missing?.length || step.at === undefined || !step.page) continue;
      const key = `${step.goal}\u0000${step.at}`;
      if (told.has(key)) continue;
      told.add(key);
      const vendors = [...new Set(step.missing.map((g) => vendorName(g.vendor)))];
      const never = step.missing.length === 1 ? 'was never sent' : 'were never sent';
      const path = pagePath(step.page);
      const [gap] = step.missing;
      out.push({
        kind: 'funnel_step_untracked',
        severity: 'error',
        at: step.at,
        funnelId: funnel.id,
        goalId: step.goal,
        page: step.page,
        vendor: gap!.vendor,
        ...(gap!.event !== undefined ? { event: gap!.event } : {}),
        missing: step.missing,
        firingId: firingIdOf(step.goal, step.at),
        steps: step.goals ?? [step.goal],
        message:
          `${step.name} happened on ${path} but ${listWords(step.missing.map(gapWords))} ${never}: ` +
          // The plan's funnel, as the vendor's own funnel report of these events would show it.
          `a “${funnel.name}” funnel in ${listWords(vendors)} will show 100 % drop-off at this step.`,
        todo: `Send ${listWords(step.missing.map(gapWords))} when the visitor reaches ${step.name.toLowerCase()} (${path}).`,
        detail: `Funnel ${funnel.id}, step ${step.goal}, first reached at ${clock(step.at, timeZone)} on ${step.page}; ${step.missing
          .map((g) => `${gapWords(g)}: ${g.status}`)
          .join('; ')}.`,
      });
    }
  return out;
}
