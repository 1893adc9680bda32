import { describe, expect, it } from 'vitest';
import {
  postedSignals,
  rateLimiter,
  SIGNAL_BODY_BASE64_CAP,
  SIGNAL_BODY_CAP,
  SIGNAL_JSON_CAP,
  SIGNAL_KEY,
  SIGNALS_PER_MESSAGE,
  dataLayerEvent,
  validSignal,
} from './signals';

it('caps a base64 body at the base64 length of the byte cap', () =>
  expect(SIGNAL_BODY_BASE64_CAP).toBe(Math.ceil(SIGNAL_BODY_CAP / 3) * 4));

const wrap = (signal: unknown) => ({ [SIGNAL_KEY]: signal });

describe('validSignal', () => {
  it.each([
    [
      'a recovered body',
      { kind: 'request', api: 'beacon', url: 'https://x.test/c', method: 'POST', body: 'a=1', at: 1 },
    ],
    [
      'a gzipped body, as base64',
      { kind: 'request', api: 'fetch', url: 'https://x.test/e', method: 'POST', body: 'H4sIAAAA', at: 1 },
    ],
    [
      'a beacon without a body',
      { kind: 'request', api: 'beacon', url: 'https://x.test/c', method: 'POST', body: '', at: 1 },
    ],
    ['a dataLayer event', { kind: 'datalayer', source: 'dataLayer', event: 'sign_up', data: '{}', at: 1 }],
    ['a route change', { kind: 'history', url: 'https://shop.example/cart', at: 1 }],
    ['a consent update', { kind: 'consent', source: 'gcm_update', data: '{"ad_storage":"granted"}', at: 1 }],
    ["a CMP's state", { kind: 'consent', source: 'onetrust', data: '{"groups":",C0001,","answered":true}', at: 1 }],
  ])('accepts %s', (_, signal) => expect(validSignal(signal)).toEqual(signal));

  it.each([
    ['not an object', 'hello'],
    ['an unknown kind', { kind: 'evil', at: 1 }],
    ['no time', { kind: 'history', url: 'x' }],
    [
      'a body over the cap',
      {
        kind: 'request',
        api: 'fetch',
        url: 'u',
        method: 'POST',
        body: 'x'.repeat(SIGNAL_BODY_BASE64_CAP + 1),
        at: 1,
      },
    ],
    ['a wrong api', { kind: 'request', api: 'ws', url: 'u', method: 'POST', body: '', at: 1 }],
    ['a non-string event', { kind: 'datalayer', source: 'gtag', event: { toString: () => 'x' }, at: 1 }],
    ['a consent state from an unknown source', { kind: 'consent', source: 'evilcmp', data: '{}', at: 1 }],
    ['a consent state without its data', { kind: 'consent', source: 'tcf', at: 1 }],
    ['a consent state over the cap', { kind: 'consent', source: 'tcf', data: 'x'.repeat(8193), at: 1 }],
    ['a time that is not a number', { kind: 'history', url: 'x', at: Number.NaN }],
  ])('refuses %s', (_, data) => expect(validSignal(data)).toBeUndefined());

  it('survives a forged object whose getters throw', () => {
    const hostile = Object.defineProperty({ at: 1 }, 'kind', {
      get() {
        throw new Error('boom');
      },
    });
    expect(validSignal(hostile)).toBeUndefined();
  });

  it('keeps only the known fields of a signal', () => {
    const parsed = validSignal({ kind: 'history', url: 'https://a.test/', at: 1, extra: 'x'.repeat(10) });
    expect(parsed).toEqual({ kind: 'history', url: 'https://a.test/', at: 1 });
  });
});

describe('postedSignals', () => {
  const history = (n: number) => ({ kind: 'history', url: `https://shop.example/${n}`, at: n });

  it('reads the signals of one task sent together, in order, as posted, leaving out what cannot be one', () => {
    const unchecked = { kind: 'datalayer', source: 'evil', event: 'x', at: 2 };
    const oversized = { kind: 'datalayer', source: 'gtag', event: 'x', data: 'd'.repeat(SIGNAL_JSON_CAP), at: 3 };
    const sent = [history(1), { kind: 'evil', at: 2 }, unchecked, { kind: 'history' }, oversized, 'junk', history(4)];
    // `unchecked` is relayed: the worker refuses its source (validSignal).
    expect(postedSignals(wrap(sent))).toEqual([history(1), unchecked, history(4)]);
    expect(validSignal(unchecked)).toBeUndefined();
  });

  it('reads only a list, as the hooks send it', () => expect(postedSignals(wrap(history(1)))).toEqual([]));

  it('reads at most SIGNALS_PER_MESSAGE signals of one message', () => {
    const many = Array.from({ length: SIGNALS_PER_MESSAGE * 10 }, (_, i) => history(i));
    expect(postedSignals(wrap(many))).toHaveLength(SIGNALS_PER_MESSAGE);
  });

  it('survives a forged list whose items or length throw, keeping what it read before', () => {
    const items = [history(1)];
    Object.defineProperty(items, 1, {
      get() {
        throw new Error('boom');
      },
    });
    Object.defineProperty(items, 'length', { value: 3 });
    expect(postedSignals(wrap(items))).toEqual([history(1)]);
    const proxy = new Proxy([history(1)], {
      get(target, key) {
        if (key === 'length') throw new Error('boom');
        return Reflect.get(target, key);
      },
    });
    expect(postedSignals(wrap(proxy))).toEqual([]);
  });

  it('reads nothing from what is not a message of the hooks', () => {
    for (const data of [null, 'text', 42, { other: 1 }, wrap([])]) expect(postedSignals(data)).toEqual([]);
  });

  it('relays no signal the worker would refuse for its size: the cap is above the largest valid one', () => {
    const largest = {
      kind: 'request',
      api: 'beacon',
      url: `https://x.test/${'u'.repeat(16_000)}`,
      method: 'POST',
      body: 'b'.repeat(SIGNAL_BODY_BASE64_CAP),
      at: 1,
    };
    expect(validSignal(largest)).toBeDefined();
    expect(JSON.stringify(largest).length).toBeLessThanOrEqual(SIGNAL_JSON_CAP);
  });
});

describe('rateLimiter', () => {
  it('allows a burst, then the steady rate', () => {
    let t = 0;
    const allow = rateLimiter(10, 5, () => t);
    expect(Array.from({ length: 8 }, () => allow())).toEqual([true, true, true, true, true, false, false, false]);
    t = 100; // 0.1 s at 10/s: one more token
    expect([allow(), allow()]).toEqual([true, false]);
  });
});

describe('dataLayerEvent', () => {
  it.each([
    ['a dataLayer push', { kind: 'datalayer', source: 'dataLayer', event: 'sign_up', data: '{}', at: 1 }],
    ['a gtag event without data', { kind: 'datalayer', source: 'gtag', event: 'purchase', at: 1 }],
    ['an unknown source', { kind: 'datalayer', source: 'evil', event: 'x', at: 1 }],
    ['an event name over the cap', { kind: 'datalayer', source: 'fbq', event: 'e'.repeat(201), at: 1 }],
    ['data that is not a string', { kind: 'datalayer', source: 'dataLayer', event: 'x', data: { deep: 1 }, at: 1 }],
    ['data over the cap', { kind: 'datalayer', source: 'dataLayer', event: 'x', data: 'd'.repeat(4097), at: 1 }],
    ['a consent state', { kind: 'consent', source: 'tcf', data: '{}', at: 1 }],
  ])('names an event exactly when the worker would store it: %s', (_, signal: Record<string, unknown>) => {
    const named = dataLayerEvent(signal);
    expect(named !== undefined).toBe(validSignal(signal)?.kind === 'datalayer');
    if (named) expect(named).toEqual({ kind: 'datalayer', event: signal.event, source: signal.source });
  });
});
