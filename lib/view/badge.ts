import type { BadgeColor, TabSummary } from '../audit/summary';

// The toolbar badge's colours: red for problems, green for goals that fired, grey for "watching, hits seen".
// Dark text on mid-tone pills: every pill keeps 3:1 against light and dark toolbars, and its text 4.5:1 against
// the pill (badge.test.ts checks both). White text cannot do both: a pill dark enough for white text vanishes
// on a dark toolbar. The text colour is set explicitly: Chrome would draw white, Firefox picks its own.

export const BADGE_COLORS: Record<BadgeColor, string> = { red: '#f55a4e', green: '#2f9e44', grey: '#8e8e8e' };
export const BADGE_TEXT_COLOR = '#000000';

/** What `action.setBadgeText`, `setBadgeBackgroundColor` and `setBadgeTextColor` get for a tab's audit summary. */
export function badgeOf(summary: Pick<TabSummary, 'badge'>): { text: string; color: string; textColor: string } {
  return { text: summary.badge.text, color: BADGE_COLORS[summary.badge.color], textColor: BADGE_TEXT_COLOR };
}
