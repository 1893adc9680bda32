import { describe, expect, it } from 'vitest';
import type { Trigger } from '../goals/types';
import { clock, count, firingWords, listWords, seconds, triggerWords, vendorName } from './words';
import { newsletter, T0 } from './testing';

describe('words', () => {
  it.each<[number, string]>([[2000, '2 s'], [500, '0.5 s'], [1234, '1.2 s'], [90_000, '90 s'], [0, '0 s'], [2, 'less than 0.1 s']])('seconds(%d)', (ms, want) => expect(seconds(ms)).toBe(want));

  it.each<[string | undefined, string]>([['UTC', '07:40:00'], ['Europe/Paris', '08:40:00'], ['Not/AZone', '07:40:00 UTC']])('clock in %s', (zone, want) =>
    expect(clock(T0, zone)).toBe(want));

  it.each<[string[], string]>([[[], ''], [['a'], 'a'], [['a', 'b'], 'a and b'], [['a', 'b', 'c'], 'a, b and c']])('listWords(%j)', (items, want) => expect(listWords(items)).toBe(want));

  it.each<[string, string]>([['meta-pixel', 'Meta Pixel'], ['ga4', 'Google Analytics 4'], ['not-a-vendor', 'not-a-vendor']])('vendorName(%s)', (slug, want) => expect(vendorName(slug)).toBe(want));

  it.each<[number, string]>([[1, '1 hit'], [2, '2 hits'], [0, '0 hits']])('count(%d)', (n, want) => expect(count(n, 'hit')).toBe(want));

  it.each<[Trigger, string]>([
    [{ kind: 'form_submit' }, 'the form was submitted'],
    [{ kind: 'click', text: 'Subscribe' }, '"Subscribe" was clicked'],
    [{ kind: 'click', selector: '.cta' }, 'the element was clicked'],
    [{ kind: 'video', action: 'play' }, 'the video started playing'],
    [{ kind: 'video', action: 'progress', percent: 50 }, 'the video reached 50 %'],
    [{ kind: 'video', action: 'complete' }, 'the video was watched to the end'],
    [{ kind: 'datalayer_event', event: 'purchase' }, 'the page pushed "purchase" to the dataLayer'],
    [{ kind: 'page_view', url: '*/thanks*' }, 'the page was viewed'],
    [{ kind: 'scroll_depth', percent: 75 }, 'the visitor scrolled to 75 %'],
    [{ kind: 'download' }, 'a download link was clicked'],
    [{ kind: 'outbound_click' }, 'a link to another site was clicked'],
    [{ kind: 'site_search' }, 'a site search was made'],
    [{ kind: 'element_visible', selector: '#pricing' }, '#pricing became visible'],
    [{ kind: 'time_on_page', seconds: 30 }, 'the visitor had spent 30 s on the page'],
  ])('triggerWords %j', (trigger, want) => expect(triggerWords(trigger).clause).toBe(want));

  it('names the goal and the moment', () => expect(firingWords(newsletter, T0, 'UTC')).toBe('"Newsletter signup" (the form was submitted at 07:40:00)'));
});
