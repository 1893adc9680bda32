// Where the History page is: the list, one visit opened, or two compared. Kept in the URL's #fragment so that
// the browser's Back returns to the list and a view can be reloaded or bookmarked.

export type HistoryRoute =
  | { kind: 'list' }
  | { kind: 'visit'; id: string }
  /** `a` and `b` as the user picked them; the comparison puts the earlier visit first. */
  | { kind: 'compare'; a: string; b: string };

export function routeOf(hash: string): HistoryRoute {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const visit = params.get('visit');
  if (visit) return { kind: 'visit', id: visit };
  const [a, b, ...more] = (params.get('compare') ?? '').split(',');
  if (a && b && more.length === 0 && a !== b) return { kind: 'compare', a, b };
  return { kind: 'list' };
}

export function hashOf(route: HistoryRoute): string {
  switch (route.kind) {
    case 'list':
      return '';
    case 'visit':
      return `#visit=${encodeURIComponent(route.id)}`;
    case 'compare':
      return `#compare=${encodeURIComponent(route.a)},${encodeURIComponent(route.b)}`;
  }
}
