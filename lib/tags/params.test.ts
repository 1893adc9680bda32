import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flatten, flattenRenamed } from './params';

// flattenRenamed is flatten followed by a renaming loop, done in one walk. It must give the same record — same
// keys, same values, same key order — for any JSON, including the shapes where a single walk could go wrong.
const key = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('a', 'b', 'value', 'properties', 'context', 'user', 'x', 'event') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      '.',
      'a.b',
      'properties.value',
      '__proto__',
      'constructor',
      '0',
      '5',
      '01',
      '4294967295',
      'toString',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
);
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null)),
    fc.array(tie('value'), { maxLength: 4 }),
    tie('record'),
  ),
  record: fc.array(fc.tuple(key, tie('value')), { maxLength: 6 }).map((entries) => {
    // Built as JSON.parse builds it: `__proto__` an own key like any other.
    const text = `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}`).join(',')}}`;
    return JSON.parse(text) as Record<string, unknown>;
  }),
}));
// A wide record, to reach the key cap.
const wide = fc
  .integer({ min: 150, max: 260 })
  .map((n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i])) as Record<string, unknown>);

const renames: Record<string, (k: string) => string | undefined> = {
  identity: (k) => k,
  'strip properties.': (k) => (k.startsWith('properties.') ? k.slice('properties.'.length) : k),
  'drop some': (k) => (k === 'event' || k.startsWith('context.') ? undefined : k),
  'user_data.': (k) => (k.startsWith('user.') ? `user_data.${k.slice(5)}` : k),
  'index keys renamed': (k) => (/^\d+$/.test(k) ? `n${k}` : k),
  'all to one name': () => 'same',
  'to __proto__': (k) => (k === 'a' ? '__proto__' : k),
};

function reference(value: Record<string, unknown>, rename: (k: string) => string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(flatten(value))) {
    const name = rename(k);
    if (name !== undefined) out[name] = v;
  }
  return out;
}

describe('flattenRenamed', () => {
  it.each(Object.keys(renames))('equals flatten then rename (%s), key order included', (name) => {
    const rename = renames[name]!;
    fc.assert(
      fc.property(fc.oneof({ weight: 9, arbitrary: json.record }, { weight: 1, arbitrary: wide }), (value) => {
        const got = flattenRenamed(value, rename);
        const want = reference(value, rename);
        expect(Object.entries(got)).toEqual(Object.entries(want));
      }),
      { numRuns: 1_000 },
    );
  });

  // Index-like keys (`7`) come first in a record whatever their place in the text, but an index-like key whose
  // value is an object flattens to `5.x`, an ordinary key: renaming can then reorder or merge names.
  it.each([
    [
      'an index-like key renamed to an ordinary name',
      '{"5":{"x":1},"7":2,"a":3}',
      (k: string) => (/^\d+$/.test(k) ? `n${k}` : k),
    ],
    ['a nested key renamed onto an index-like one', '{"5":{"x":1},"7":2}', (k: string) => (k === '5.x' ? '7' : k)],
    ['two keys renamed to one name', '{"5":{"x":1},"7":2}', (k: string) => (k === '5.x' || k === '7' ? 'n' : k)],
  ])('%s', (_, text, rename) => {
    const value = JSON.parse(text) as Record<string, unknown>;
    expect(Object.entries(flattenRenamed(value, rename))).toEqual(Object.entries(reference(value, rename)));
  });

  it('takes the single walk on ordinary events', () => {
    const event = {
      event: 'AddToCart',
      context: { page: { url: 'https://shop.example/' } },
      properties: { value: 3, contents: [{ id: 'SKU' }] },
    };
    expect(flattenRenamed(event, renames['strip properties.']!)).toEqual({
      event: 'AddToCart',
      'context.page.url': 'https://shop.example/',
      value: '3',
      'contents.0.id': 'SKU',
    });
  });
});
