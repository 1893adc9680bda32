import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { hit } from './fixtures';
import { copyHit, hitAsCurl, hitAsJson, shellQuote } from './copy-hit';

const beacon = () =>
  hit({
    vendor: 'ga4',
    event: 'add_to_cart',
    id: 'wr:9#0',
    method: 'POST',
    type: 'ping',
    bodyState: 'text',
    url: 'https://region1.google-analytics.com/g/collect?v=2&tid=G-SHOP123&cid=1.2',
    body: "en=add_to_cart&ep.note=it's%20a%20mug\nen=view_cart",
  });

describe('copy as cURL', () => {
  it('sends the same method, URL and body', () => {
    expect(hitAsCurl(beacon())).toBe(
      "curl 'https://region1.google-analytics.com/g/collect?v=2&tid=G-SHOP123&cid=1.2' -H 'Content-Type: text/plain;charset=UTF-8' " +
        "--data-raw 'en=add_to_cart&ep.note=it'\\''s%20a%20mug\nen=view_cart'",
    );
  });

  it('quotes so that a shell passes the text through unchanged', () => {
    const text = `it's "quoted" $HOME \`cmd\` \\ \n end`;
    expect(execFileSync('/bin/sh', ['-c', `printf %s ${shellQuote(text)}`]).toString()).toBe(text);
  });

  it.each([
    [
      'a pixel: GET, no body',
      hit({ vendor: 'meta-pixel', url: 'https://www.facebook.com/tr/?id=1&ev=Lead', method: 'GET' }),
      "curl 'https://www.facebook.com/tr/?id=1&ev=Lead'",
    ],
    [
      'a JSON body',
      hit({
        vendor: 'segment',
        url: 'https://api.segment.io/v1/t',
        method: 'POST',
        bodyState: 'text',
        body: '{"event":"Signed Up"}',
      }),
      "curl 'https://api.segment.io/v1/t' -H 'Content-Type: application/json' --data-raw '{\"event\":\"Signed Up\"}'",
    ],
    [
      'a POST without a body',
      hit({ vendor: 'ga4', url: 'https://www.google-analytics.com/g/collect?v=2', method: 'POST' }),
      "curl 'https://www.google-analytics.com/g/collect?v=2' -X POST",
    ],
    [
      'a body the browser withheld',
      hit({
        vendor: 'ga4',
        url: 'https://www.google-analytics.com/g/collect?v=2',
        method: 'POST',
        bodyState: 'missing',
      }),
      "# the browser withheld the body: this sends none\ncurl 'https://www.google-analytics.com/g/collect?v=2' -X POST",
    ],
    [
      'a truncated body',
      hit({ vendor: 'ga4', url: 'https://x.example/g/collect', method: 'POST', bodyState: 'truncated', body: 'en=a' }),
      "# the body was cut at 64 KiB: this sends only its first part\ncurl 'https://x.example/g/collect' -H 'Content-Type: text/plain;charset=UTF-8' --data-raw 'en=a'",
    ],
  ])('%s', (_, h, want) => expect(hitAsCurl(h)).toBe(want));
});

describe('copy as JSON and URL', () => {
  it("gives the hit as a developer reads it, without Tagwatch's bookkeeping", () => {
    const json = JSON.parse(hitAsJson(beacon()));
    expect(json).toMatchObject({
      id: 'wr:9#0',
      vendor: 'ga4',
      event: 'add_to_cart',
      method: 'POST',
      status: 'sent',
      time: expect.stringMatching(/^2025-11-23T08:00:/),
    });
    expect(json).not.toHaveProperty('requestKey');
    expect(json).not.toHaveProperty('tabId');
  });

  it('gives the URL as it was requested', () => expect(copyHit(beacon(), 'url')).toBe(beacon().url));
});
