import type { StepState } from './funnels';

// The History page's words: how long a visit lasted, which day it was, and how a funnel step changed between two
// visits of a site. Named here so the page and any report say them the same way.

/** 40 s, 12 min, 1 h 05 min: a visit's length at a glance (the timeline gives the exact times). */
export function visitDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const min = Math.round(s / 60);
  if (min < 60) return `${min} min`;
  return `${Math.floor(min / 60)} h ${String(min % 60).padStart(2, '0')} min`;
}

const DAYS = new Map<string, Intl.DateTimeFormat>();

/**
 * `2026-12-02`: the calendar day a time falls on in the viewer's zone (`timeZone` absent) or the one given. The
 * form of a date input's value, so a filter compares it as text.
 */
export function calendarDay(at: number, timeZone?: string): string {
  const key = timeZone ?? '';
  let format = DAYS.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone });
    } catch {
      // An unknown zone: UTC's day is still a true day.
      format = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' });
    }
    DAYS.set(key, format);
  }
  return format.format(at);
}

/** A step as the comparison names it: `tracked`, `untracked`, `not reached`. */
export const STEP_SHORT: Readonly<Record<StepState, string>> = {
  tracked: 'tracked',
  untracked: 'untracked',
  not_reached: 'not reached',
};

/** `tracked → untracked`; the state alone when it did not change. */
export function stepChangeWords(a: StepState, b: StepState): string {
  return a === b ? STEP_SHORT[a] : `${STEP_SHORT[a]} → ${STEP_SHORT[b]}`;
}
