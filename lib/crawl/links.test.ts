import { expect, it } from 'vitest';
import { extractLinks } from './links';

it.each([
  [
    'double, single and bare quotes',
    '<a href="/a">a</a><a href=\'b\'>b</a><A HREF=c>c</A>',
    ['https://s.example/a', 'https://s.example/dir/b', 'https://s.example/dir/c'],
  ],
  ['entities in the href', '<a href="/s?x=1&amp;y=2">s</a>', ['https://s.example/s?x=1&y=2']],
  ['a base href', '<base href="https://s.example/other/"><a href="p">p</a>', ['https://s.example/other/p']],
  ['image maps', '<map><area shape="rect" href="/area"></map>', ['https://s.example/area']],
  [
    'not in comments or scripts',
    '<!-- <a href="/hidden"> --><script>var a = \'<a href="/js">\';</script><a href="/shown">',
    ['https://s.example/shown'],
  ],
  ['anchors without href', '<a name="top"></a><a data-href="/x">x</a>', []],
])('%s', (_, html, want) => expect(extractLinks(html, 'https://s.example/dir/page')).toEqual(want));
