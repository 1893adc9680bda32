import { describe, expect, it } from 'vitest';
import { accountFromBasicAuth } from './auth';
import { decodeRequest, wantsAuthAccount } from '.';

// Segment's HTTP API and RudderStack's data plane take the write key as Basic auth's user name, password empty.
const basic = (user: string) => `Basic ${btoa(`${user}:`)}`;

describe('accountFromBasicAuth', () => {
  it.each<[string, string | undefined, string | undefined]>([
    ['a write key', basic('2TagwatchRudderWriteKey01'), '2TagwatchRudderWriteKey01'],
    ['lower-case scheme', `basic ${btoa('wk_1:')}`, 'wk_1'],
    ['a bearer token', 'Bearer abc.def', undefined],
    ['not base64', 'Basic %%%', undefined],
    ['an empty user', basic(''), undefined],
    ['no header', undefined, undefined],
  ])('%s', (_, header, want) => expect(accountFromBasicAuth(header)).toBe(want));
});

describe('wantsAuthAccount', () => {
  const track = JSON.stringify({ type: 'track', event: 'trial_started', properties: { plan: 'pro' } });
  it.each<[string, string, boolean]>([
    ['a RudderStack track without a write key in the body', 'https://acme.dataplane.rudderstack.com/v1/track', true],
    ['a Segment track without a write key in the body', 'https://api.segment.io/v1/t', true],
  ])('%s', (_, url, want) => expect(wantsAuthAccount(decodeRequest({ url, method: 'POST', body: track }))).toBe(want));

  it('does not ask when the body named the account, or for vendors that never use Basic auth', () => {
    expect(
      wantsAuthAccount(
        decodeRequest({
          url: 'https://api.segment.io/v1/t',
          method: 'POST',
          body: JSON.stringify({ type: 'track', event: 'x', writeKey: 'wk' }),
        }),
      ),
    ).toBe(false);
    expect(
      wantsAuthAccount(
        decodeRequest({
          url: 'https://plausible.io/api/event',
          method: 'POST',
          body: JSON.stringify({ n: 'x', u: 'https://a.example/', d: 'a.example' }),
        }),
      ),
    ).toBe(false);
  });
});
