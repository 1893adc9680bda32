import { describe, expect, it } from 'vitest';
import type { Goal } from '../goals/types';
import { acceptSuggestions } from './suggestions';

const good: Goal = {
  id: 'newsletter',
  name: 'Newsletter signup (form#nl)',
  category: 'interaction',
  trigger: { kind: 'form_submit', selector: 'form#nl', hasField: 'email' },
  expect: [{ vendor: 'ga4', event: 'generate_lead' }],
};

describe('acceptSuggestions keeps only valid goals from a page', () => {
  it.each<[string, unknown, Goal[]]>([
    ['a list of goals', [good], [good]],
    ['not a list', { goals: [good] }, []],
    ['undefined (the script failed)', undefined, []],
    ['a bad goal among good ones', [{ id: 'x', trigger: { kind: 'nope' } }, good], [good]],
    ['a duplicate id', [good, { ...good, name: 'again' }], [good]],
    ['a bad selector', [{ ...good, trigger: { kind: 'click', selector: 'a[' } }], []],
  ])('%s', (_, result, want) =>
    expect(acceptSuggestions(result, { isValidSelector: (s) => !s.endsWith('[') })).toEqual(want),
  );
});
