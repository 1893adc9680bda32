import { expect, it } from 'vitest';
import type { TabSummary } from '../audit/summary';
import { badgeOf } from './badge';

it.each<[TabSummary['badge'], { text: string; color: string }]>([
  [{ text: '3', color: 'red' }, { text: '3', color: '#c92a2a' }],
  [{ text: '2', color: 'green' }, { text: '2', color: '#2b8a3e' }],
  [{ text: '14', color: 'grey' }, { text: '14', color: '#868e96' }],
  [{ text: '', color: 'grey' }, { text: '', color: '#868e96' }],
])('%j → %j', (badge, want) => expect(badgeOf({ badge })).toEqual(want));
