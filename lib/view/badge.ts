import type { BadgeColor, TabSummary } from '../audit/summary';

// The toolbar badge's colours: red for problems, green for goals that fired, grey for "watching, hits seen".

export const BADGE_COLORS: Record<BadgeColor, string> = { red: '#c92a2a', green: '#2b8a3e', grey: '#868e96' };

/** What `action.setBadgeText` and `setBadgeBackgroundColor` get for a tab's audit summary. */
export function badgeOf(summary: Pick<TabSummary, 'badge'>): { text: string; color: string } {
  return { text: summary.badge.text, color: BADGE_COLORS[summary.badge.color] };
}
