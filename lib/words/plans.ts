import { count } from './numbers';

/** Where a plan or goal applies. */
export function describeScope(scope: readonly string[] | undefined): string {
  return scope && scope.length > 0 ? scope.join(', ') : 'All sites';
}

/** `1 goal`, `12 goals`. */
export function goalCount(n: number): string {
  return count(n, 'goal');
}
