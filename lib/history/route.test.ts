import { describe, expect, it } from 'vitest';
import { hashOf, routeOf, type HistoryRoute } from './route';

describe('the History page’s place in its URL', () => {
  it.each<[string, HistoryRoute]>([
    ['', { kind: 'list' }],
    ['#visit=s-1', { kind: 'visit', id: 's-1' }],
    ['#compare=s-1,s-2', { kind: 'compare', a: 's-1', b: 's-2' }],
    // What cannot be compared is the list again, not an error page.
    ['#compare=s-1', { kind: 'list' }],
    ['#compare=s-1,s-1', { kind: 'list' }],
    ['#compare=a,b,c', { kind: 'list' }],
    ['#whatever', { kind: 'list' }],
  ])('%s', (hash, route) => {
    expect(routeOf(hash)).toEqual(route);
    if (route.kind !== 'list') expect(routeOf(hashOf(route))).toEqual(route);
  });
});
