import { GVL, TCModel, TCString } from '@iabtcf/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeTcString, type TcString } from './tc-string';

// Real strings, each with where it was published:
// - ISSUE_201: the IAB's own test vector in iabtcf-es (modules/core/test/ReportedIssues.test.ts, "201 unable to decode
//   valid TCF2 String"): a production string with one publisher restriction (purpose 1, type 1) encoded for vendors
//   7, 20, 71, 122, 140 and 183 several times over.
// - ISSUE_156_V1: the same file, "156 it should auto detect 1 version": a TCF v1 consent string.
// - AXEPTIO: the example of a CMP's published API reference (Axeptio's headless TCF docs, "Encode a TC string"),
//   given there with its decoded fields.
const ISSUE_201 =
  'CO4VGswO4VGswAfZCBDEAzCsAP_AAH_AAAigGUNf_X9fb2vj-_599_t0eY1f9_63t-wzjheMs-8NyZ-X_J4Wv2MyvB34JqQKGRgkunLBAQdtHGncTQgBwIlViTLMY02MjzNKJrJEilsbe2dYGH9vn8XT_ZKZ70-_v__7v3___33_5Ayhr_6_r7e18f3_Pvv9ujzGr_v_W9v2GccLxln3huTPy_5PC1-xmV4O_BNSBQyMEl05YICDto407iaEAOBEqsSZZjGmxkeZpRNZIkUtjb2zrAw_t8_i6f7JTPen39___d-___--__ICgKAOAAcAA4AFAAjgB6AEYALcGACAW0AtoJAHAAOAAcACgARwA9ACMAFuFABALaAW0GgDgAHAAOABQAI4AegBGAC3DgAgFtALaEQBwADgAHAAoAEcAPQAjABbiQAQC2gFtCoA4ABwADgAUACOAHoARgAtxYAIBbQC2hkAcAA4ABwAKABHAD0AIwAW40AEAtoBbQ6AOAAcAA4AFAAjgB6AEYALceACAW0AtohAHAAOAAcACgARwA9ACMAFuRABALaAW0SgDgAHAAOABQAI4AegBGAC3JgAgFtALaKQBwADgAHAAoAEcAPQAjABblQAQC2gFtA';
const ISSUE_156_V1 =
  'BOhwdphOxFC7tAHABBFRC--AAAAuhr_7__7-_9_-_f__9uj3Or_v_f__32ccL59v_h_7v-_7fi_20nV4u_1vft9yfk1-5ctDztp507iakivXmqdeb9v_nz3_5pxP78k89r7337Ew_v8_v-b7BCON_YxEiA';
const AXEPTIO = 'CQrQMwAQrQMwAEEABAENCyFoAOAAAEIAAAqIF5wAgAAgLzAvOACAvMAA.IAAA.YAAAAAAAAAAA';

function decoded(s: string): TcString {
  const r = decodeTcString(s);
  if (!r.ok) throw new Error(r.error);
  return r.tc;
}

describe('decodeTcString, published strings', () => {
  it('reads the publisher restrictions of the IAB vector for issue 201 (vendors 7, 20, 71, 122, 140, 183)', () => {
    const tc = decoded(ISSUE_201);
    expect(tc.version).toBe(2);
    const restricted = tc.publisherRestrictions
      .filter((p) => p.purpose === 1 && p.type === 1)
      .flatMap((p) => p.vendors);
    expect([...new Set(restricted)].sort((a, b) => a - b)).toEqual([7, 20, 71, 122, 140, 183]);
  });

  it.each([
    [
      'the IAB vector for issue 201 with a one after its last field',
      `${ISSUE_201.split('.')[0]!.slice(0, -1)}B`,
      /left after the last field/,
    ],
    ['the IAB vector for issue 156 (TCF v1)', ISSUE_156_V1, /version 1: only TCF v2/],
    ['an empty string', '', /empty/],
    ['a string with a character outside base64url', 'CO4V+swO', /not base64url/],
    ['a string cut after its first fields', 'CO4VGswO4VGsw', /not a valid TC string/],
  ])('refuses %s, saying why', (_, s, why) => {
    const r = decodeTcString(s);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(why);
  });

  it('reads the fields of the CMP reference example as its publisher decoded them', () => {
    expect(decoded(AXEPTIO)).toMatchObject({
      cmpId: 260,
      cmpVersion: 1,
      vendorListVersion: 178,
      tcfPolicyVersion: 5,
      publisherCC: 'FR',
      consentLanguage: 'EN',
      purposeConsents: [1, 2, 3],
      purposeLegitimateInterests: [2, 7],
      vendorConsents: [1, 755],
      vendorLegitimateInterests: [755],
      specialFeatureOptIns: [1],
    });
  });

  it.each([ISSUE_201, AXEPTIO])('agrees field by field with the IAB library on %s', (s) => {
    const iab = TCString.decode(s);
    const set = (v: { forEach(fn: (value: boolean, id: number) => void): void }) => {
      const ids: number[] = [];
      v.forEach((on, id) => on && ids.push(id));
      return ids.sort((a, b) => a - b);
    };
    const tc = decoded(s);
    expect({
      cmpId: tc.cmpId,
      cmpVersion: tc.cmpVersion,
      vendorListVersion: tc.vendorListVersion,
      tcfPolicyVersion: tc.tcfPolicyVersion,
      publisherCC: tc.publisherCC,
      isServiceSpecific: tc.isServiceSpecific,
      purposeOneTreatment: tc.purposeOneTreatment,
      purposeConsents: tc.purposeConsents,
      purposeLegitimateInterests: tc.purposeLegitimateInterests,
      vendorConsents: tc.vendorConsents,
      vendorLegitimateInterests: tc.vendorLegitimateInterests,
      created: tc.created,
    }).toEqual({
      cmpId: iab.cmpId,
      cmpVersion: iab.cmpVersion,
      vendorListVersion: iab.vendorListVersion,
      tcfPolicyVersion: iab.policyVersion,
      publisherCC: iab.publisherCountryCode,
      isServiceSpecific: iab.isServiceSpecific,
      purposeOneTreatment: iab.purposeOneTreatment,
      purposeConsents: set(iab.purposeConsents),
      purposeLegitimateInterests: set(iab.purposeLegitimateInterests),
      vendorConsents: set(iab.vendorConsents),
      vendorLegitimateInterests: set(iab.vendorLegitimateInterests),
      created: iab.created.getTime(),
    });
  });
});

// Strings written by the IAB's own encoder from random choices: what it encodes, this decoder reads back.
const VENDOR_IDS = [1, 2, 8, 25, 77, 91, 300, 755, 804, 1126];
function gvl(): GVL {
  const purposes = Object.fromEntries(
    Array.from({ length: 11 }, (_, i) => [i + 1, { id: i + 1, name: `P${i + 1}`, description: '', illustrations: [] }]),
  );
  const vendors = Object.fromEntries(
    VENDOR_IDS.map((id) => [
      id,
      {
        id,
        name: `Vendor ${id}`,
        purposes: [1, 3, 4],
        legIntPurposes: [2, 7, 8],
        flexiblePurposes: [],
        specialPurposes: [],
        features: [],
        specialFeatures: [],
        policyUrl: 'https://vendor.example/privacy',
        cookieMaxAgeSeconds: 0,
        usesCookies: true,
        usesNonCookieAccess: false,
      },
    ]),
  );
  return new GVL({
    gvlSpecificationVersion: 3,
    vendorListVersion: 150,
    tcfPolicyVersion: 5,
    lastUpdated: '2026-01-01T00:00:00Z',
    purposes,
    specialPurposes: {},
    features: {},
    specialFeatures: { 1: { id: 1, name: 'S1', description: '', illustrations: [] } },
    stacks: {},
    vendors,
  } as unknown as ConstructorParameters<typeof GVL>[0]);
}

describe('decodeTcString, strings from the IAB encoder', () => {
  it('reads back every purpose and vendor choice', () => {
    const list = gvl();
    const ids = (pool: readonly number[]) =>
      fc.uniqueArray(fc.constantFrom(...pool), { maxLength: pool.length }).map((a) => [...a].sort((x, y) => x - y));
    const purposeIds = Array.from({ length: 11 }, (_, i) => i + 1);
    fc.assert(
      fc.property(
        ids(purposeIds),
        ids([2, 7, 8]),
        ids(VENDOR_IDS),
        ids(VENDOR_IDS),
        fc.integer({ min: 2, max: 4095 }),
        (pc, pli, vc, vli, cmpId) => {
          const m = new TCModel(list);
          m.cmpId = cmpId;
          m.cmpVersion = 1;
          m.isServiceSpecific = true;
          m.purposeConsents.set(pc);
          m.purposeLegitimateInterests.set(pli);
          m.vendorConsents.set(vc);
          m.vendorLegitimateInterests.set(vli);
          const tc = decoded(TCString.encode(m));
          // The encoder drops what the GVL says a vendor cannot have (an LI for a purpose it declared for consent only):
          // compared with what the IAB library decodes from the same string.
          const back = TCString.decode(TCString.encode(m));
          const on = (v: { forEach(fn: (value: boolean, id: number) => void): void }) => {
            const out: number[] = [];
            v.forEach((x, id) => x && out.push(id));
            return out.sort((a, b) => a - b);
          };
          expect(tc.cmpId).toBe(cmpId);
          expect(tc.purposeConsents).toEqual(pc);
          expect(tc.purposeLegitimateInterests).toEqual(on(back.purposeLegitimateInterests));
          expect(tc.vendorConsents).toEqual(on(back.vendorConsents));
          expect(tc.vendorLegitimateInterests).toEqual(on(back.vendorLegitimateInterests));
          expect(tc.vendorConsents).toEqual(vc);
        },
      ),
      { numRuns: 60 },
    );
  });
});
