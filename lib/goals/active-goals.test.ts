import { describe, expect, it } from 'vitest';
import { activeGoals } from './active-goals';
import type { Goal, Plan } from './types';

const goal = (id: string, extra: Partial<Goal> = {}): Goal => ({
  id,
  name: id,
  trigger: { kind: 'click', text: id },
  ...extra,
});
const plan = (goals: Goal[], scope?: string[]): Plan => ({ version: 1, name: 'p', goals, ...(scope && { scope }) });

const defaults = plan([goal('newsletter'), goal('add_to_cart'), goal('purchase', { scope: ['*/thank-you*'] })]);
const shop = plan(
  [
    goal('add_to_cart', { name: 'Shop add to cart', trigger: { kind: 'click', selector: '#buy' } }),
    goal('size_guide'),
    goal('purchase', { scope: ['*/merci*'] }),
  ],
  ['https://shop.example'],
);
const blog = plan([goal('newsletter', { name: 'Blog newsletter' })], ['https://blog.example', '*/blog/*']);

const summary = (goals: Goal[]): string[] => goals.map((g) => `${g.id}:${g.name}`);

describe('activeGoals', () => {
  it.each<[string, Plan[], string, string[]]>([
    ['the defaults anywhere', [defaults], 'https://any.example/', ['newsletter:newsletter', 'add_to_cart:add_to_cart']],
    [
      'a goal where its own scope admits it',
      [defaults],
      'https://any.example/thank-you',
      ['newsletter:newsletter', 'add_to_cart:add_to_cart', 'purchase:purchase'],
    ],
    [
      'a per-site plan overriding by id, in place',
      [defaults, shop],
      'https://shop.example/p/1',
      ['newsletter:newsletter', 'add_to_cart:Shop add to cart', 'size_guide:size_guide'],
    ],
    [
      'an override scoped elsewhere hides the default',
      [defaults, shop],
      'https://shop.example/thank-you',
      ['newsletter:newsletter', 'add_to_cart:Shop add to cart', 'size_guide:size_guide'],
    ],
    [
      'the override where its scope admits it',
      [defaults, shop],
      'https://shop.example/merci',
      ['newsletter:newsletter', 'add_to_cart:Shop add to cart', 'purchase:purchase', 'size_guide:size_guide'],
    ],
    [
      'a per-site plan listed before the defaults still wins',
      [shop, defaults],
      'https://shop.example/',
      ['newsletter:newsletter', 'add_to_cart:Shop add to cart', 'size_guide:size_guide'],
    ],
    [
      'no per-site plan on another origin',
      [defaults, shop],
      'https://shop.example.evil.example/',
      ['newsletter:newsletter', 'add_to_cart:add_to_cart'],
    ],
    [
      'a plan scoped by a path pattern',
      [defaults, blog],
      'https://news.example/blog/post',
      ['newsletter:Blog newsletter', 'add_to_cart:add_to_cart'],
    ],
    [
      'the later per-site plan wins',
      [defaults, shop, plan([goal('add_to_cart', { name: 'Later' })], ['https://shop.example'])],
      'https://shop.example/',
      ['newsletter:newsletter', 'add_to_cart:Later', 'size_guide:size_guide'],
    ],
    ['nothing without plans', [], 'https://any.example/', []],
  ])('%s', (_, plans, url, want) => expect(summary(activeGoals(plans, url))).toEqual(want));
});
