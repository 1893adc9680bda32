import { describe, expect, it } from 'vitest';
import { inShard, parseShard, shardOf } from './shard';

describe('parseShard', () => {
  it.each([
    ['1/4', { index: 1, count: 4 }],
    [' 3 / 3 ', { index: 3, count: 3 }],
  ])('%s', (text, want) => expect(parseShard(text)).toEqual(want));
  it.each([
    ['0/4', /from 1 to 4/],
    ['5/4', /from 1 to 4/],
    ['1/0', /from 1 to 1000/],
    ['a/b', /expects i\/n/],
    ['2', /expects i\/n/],
  ])('refuses %s', (text, message) => expect(parseShard(text)).toMatch(message));
});

describe('shardOf', () => {
  const urls = Array.from({ length: 400 }, (_, i) => `https://shop.example/product/${i}`);
  it('puts every URL in exactly one shard, the same one every time', () => {
    for (const url of urls) {
      const owners = [1, 2, 3, 4].filter((index) => inShard(url, { index, count: 4 }));
      expect(owners).toEqual([shardOf(url, 4)]);
    }
  });
  it('spreads a site roughly evenly', () => {
    const sizes = [1, 2, 3, 4].map((index) => urls.filter((u) => inShard(u, { index, count: 4 })).length);
    for (const size of sizes) expect(size).toBeGreaterThan(60);
  });
  it('without a shard, every URL is in', () => expect(inShard('https://x.example/', undefined)).toBe(true));
});
