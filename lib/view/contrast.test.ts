import { expect, it } from 'vitest';
import { contrast, hexToRgb, luminance } from './contrast';

it.each([
  ['#000000', '#ffffff', 21],
  ['#ffffff', '#ffffff', 1],
  // Reference values from WebAIM's contrast checker.
  ['#777777', '#ffffff', 4.48],
  ['#0000ff', '#ffffff', 8.59],
])('%s on %s is %d:1', (a, b, ratio) => expect(contrast(a, b)).toBeCloseTo(ratio, 2));

it('is symmetric and reads [r, g, b] as well as hex', () => {
  expect(contrast('#1864ab', '#ffffff')).toBe(contrast([255, 255, 255], hexToRgb('#1864ab')));
  expect(luminance([255, 255, 255])).toBe(1);
});

it('refuses a colour it cannot read, saying what it expects', () =>
  expect(() => hexToRgb('red')).toThrow('expected a colour like #1864ab'));
