import type { TagStatus } from '../audit/reconcile';
import type { HitStatus } from '../store/types';
import { count } from './numbers';

// One name and one symbol per status, on every surface: the popup, the CLI table, Markdown and HTML.

/** An expected tag over a goal's firings, or `not_triggered` when the goal did not fire. */
export type Verdict = TagStatus | 'not_triggered';

export const STATUS_SYMBOL: Readonly<Record<Verdict, string>> = {
  sent: '✓',
  missing: '✗',
  blocked: '⛔',
  failed: '⚠',
  not_triggered: '–',
};
export const STATUS_WORDS: Readonly<Record<Verdict, string>> = {
  sent: 'sent',
  missing: 'missing',
  blocked: 'blocked',
  failed: 'failed',
  not_triggered: 'not triggered',
};

/** The status a goal's tag shows when its firings disagree: the one that most needs fixing first. */
export const WORST_FIRST: readonly TagStatus[] = ['missing', 'blocked', 'failed', 'sent'];

export function worstOf(statuses: readonly TagStatus[]): TagStatus {
  return WORST_FIRST.find((s) => statuses.includes(s)) ?? 'sent';
}

/** `✓ sent · ✗ missing · ⛔ blocked · ⚠ failed · – not triggered`. */
export const STATUS_LEGEND = (['sent', 'missing', 'blocked', 'failed', 'not_triggered'] as const)
  .map((s) => `${STATUS_SYMBOL[s]} ${STATUS_WORDS[s]}`)
  .join(' · ');

/** `missing (1 of 2 sent)` when firings disagree, else the status alone. */
export function verdictWords(status: Verdict, sent: number, firings: number): string {
  return `${STATUS_WORDS[status]}${sent > 0 && sent < firings ? ` (${sent} of ${firings} sent)` : ''}`;
}

/** The folded line of the goals that did not fire: `12 goals not triggered on this page`. */
export function notTriggeredWords(n: number, pages = 1): string {
  return `${count(n, 'goal')} not triggered on ${pages > 1 ? 'these pages' : 'this page'}`;
}

/** What happened to a request, as one word. */
export const HIT_STATUS_WORDS: Readonly<Record<HitStatus, string>> = {
  sent: 'sent',
  pending: 'no answer yet',
  blocked: 'blocked',
  failed: 'failed',
};
export const HIT_STATUS_SYMBOL: Readonly<Record<HitStatus, string>> = {
  sent: '✓',
  pending: '…',
  blocked: '⛔',
  failed: '⚠',
};
