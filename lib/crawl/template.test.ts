import { expect, it } from 'vitest';
import { templatesOf } from './template';

it('groups sibling pages under their parent, ids as *, a lone page by its own path', () => {
  const urls = [
    'https://s.example/',
    'https://s.example/about',
    'https://s.example/product/mug',
    'https://s.example/product/teapot?colour=red',
    'https://s.example/blog/',
    'https://s.example/blog/first-post',
    'https://s.example/order/12345/receipt',
    'https://s.example/order/67890/receipt',
    'https://s.example/help/contact',
  ];
  expect(Object.fromEntries(templatesOf(urls))).toEqual({
    'https://s.example/': '/',
    'https://s.example/about': '/about',
    'https://s.example/product/mug': '/product/*',
    'https://s.example/product/teapot?colour=red': '/product/*',
    'https://s.example/blog/': '/blog/',
    'https://s.example/blog/first-post': '/blog/first-post',
    'https://s.example/order/12345/receipt': '/order/*/receipt',
    'https://s.example/order/67890/receipt': '/order/*/receipt',
    'https://s.example/help/contact': '/help/contact',
  });
});
