import { describe, expect, it } from 'vitest';
import type { TabSummary } from '../audit/summary';
import { BADGE_COLORS, BADGE_TEXT_COLOR, badgeOf } from './badge';
import { contrast, TOOLBARS } from './contrast';

it.each<[TabSummary['badge'], { text: string; color: string }]>([
  [
    { text: '3', color: 'red' },
    { text: '3', color: BADGE_COLORS.red },
  ],
  [
    { text: '2', color: 'green' },
    { text: '2', color: BADGE_COLORS.green },
  ],
  [
    { text: '14', color: 'grey' },
    { text: '14', color: BADGE_COLORS.grey },
  ],
  [
    { text: '', color: 'grey' },
    { text: '', color: BADGE_COLORS.grey },
  ],
])('%j → %j', (badge, want) => expect(badgeOf({ badge })).toEqual({ ...want, textColor: BADGE_TEXT_COLOR }));

describe('the badge reads on every toolbar', () => {
  const pills = Object.entries(BADGE_COLORS);

  // WCAG AA for text: the badge's digits are small, bold text.
  it.each(pills)('%s pill: its text has at least 4.5:1', (_, pill) =>
    expect(contrast(pill, BADGE_TEXT_COLOR)).toBeGreaterThanOrEqual(4.5),
  );

  // WCAG 1.4.11 for a graphical object: the pill must stand out from the toolbar it sits on.
  const cases = pills.flatMap(([name, pill]) =>
    Object.entries(TOOLBARS).map(([toolbar, bg]) => [name, toolbar, pill, bg] as const),
  );
  it.each(cases)('%s pill on the %s toolbar: at least 3:1', (_, __, pill, bg) =>
    expect(contrast(pill, bg)).toBeGreaterThanOrEqual(3),
  );

  it('keeps the three states apart from one another', () => {
    // Colour is not the only cue (the text says what it counts), but red and green must not look alike.
    expect(new Set(Object.values(BADGE_COLORS)).size).toBe(3);
  });
});
