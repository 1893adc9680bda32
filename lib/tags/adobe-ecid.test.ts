import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest, type TagHit } from '.';

// Request shapes from "Direct integration with the Experience Cloud Identity Service" (dpm.demdex.net/id, d_ fields).
const ORG = 'ADB3LETTERSANDNUMBERS@AdobeOrg';

describe('adobe-ecid', () => {
  it.each<[string, HitRequest, Partial<TagHit>]>([
    [
      'first visit',
      {
        url: `https://dpm.demdex.net/id?d_visid_ver=5.5.0&d_fieldgroup=MC&d_rtbd=json&d_ver=2&d_orgid=${encodeURIComponent(ORG)}&d_nsid=0&ts=1763884800123`,
      },
      {
        event: 'id_request',
        account: ORG,
        params: { library_version: '5.5.0', field_group: 'MC', api_version: '2', namespace_id: '0' },
      },
    ],
    [
      'refresh with a known ECID and region',
      {
        url: `https://dpm.demdex.net/id?d_visid_ver=5.5.0&d_fieldgroup=A&d_rtbd=json&d_ver=2&d_orgid=${encodeURIComponent(ORG)}&d_mid=60928208215424158043296546543580384922&dcs_region=6&d_blob=wxyz5432`,
      },
      {
        event: 'id_request',
        account: ORG,
        params: { ecid: '60928208215424158043296546543580384922', region: '6', blob: 'wxyz5432' },
      },
    ],
    [
      'authenticated customer id, redirect form',
      { url: `https://dpm.demdex.net/id/rd?d_orgid=${encodeURIComponent(ORG)}&d_cid=123%01456%011` },
      { event: 'id_request', account: ORG, params: { customer_ids: '123\u0001456\u00011', redirect: 'true' } },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'adobe-ecid', ...want }));

  it.each<HitRequest>([
    { url: 'https://dpm.demdex.net/ibs:dpid=411&dpuuid=Xyz123&redir=https%3A%2F%2Fx.example%2F' },
    { url: 'https://cdn.demdex.net/dest5.html?d_nsid=0#https%3A%2F%2Fshop.example' },
    { url: 'https://acme.demdex.net/event?c_a=1' },
    { url: `https://shop.example/id?d_orgid=${encodeURIComponent(ORG)}` },
  ])('does not read $url as an ID request', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'adobe-ecid')).toEqual([]),
  );
});
