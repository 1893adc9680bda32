import { describe, expect, it } from 'vitest';
import { calendarDay, stepChangeWords, visitDuration } from './history';

describe('the History page’s words', () => {
  it.each<[number, string]>([
    [0, '0 s'],
    [40_400, '40 s'],
    [59_600, '1 min'],
    [12 * 60_000 + 10_000, '12 min'],
    [65 * 60_000, '1 h 05 min'],
    [-5, '0 s'],
  ])('visitDuration(%d)', (ms, want) => expect(visitDuration(ms)).toBe(want));

  it.each<[string | undefined, string]>([
    ['UTC', '2025-11-23'],
    ['Pacific/Honolulu', '2025-11-22'],
    ['Not/AZone', '2025-11-23'],
  ])('calendarDay in %s', (zone, want) => expect(calendarDay(1_763_883_600_123, zone)).toBe(want));

  it.each([
    ['tracked', 'untracked', 'tracked → untracked'],
    ['not_reached', 'not_reached', 'not reached'],
  ] as const)('stepChangeWords(%s, %s)', (a, b, want) => expect(stepChangeWords(a, b)).toBe(want));
});
