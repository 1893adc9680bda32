import { describe, expect, it } from 'vitest';
import type { ConsentEventSource, StoredSignal } from '../store/types';
import { consentAnswers } from './answers';

const AXEPTIO = 'CQrQMwAQrQMwAEEABAENCyFoAOAAAEIAAAqIF5wAgAAgLzAvOACAvMAA.IAAA.YAAAAAAAAAAA';
let n = 0;
const consent = (
  source: ConsentEventSource,
  data: unknown,
  at = 1_000,
  extra: Partial<StoredSignal> = {},
): StoredSignal =>
  ({
    id: `e${++n}`,
    sessionId: 's',
    tabId: 1,
    frameId: 0,
    at,
    kind: 'consent',
    source,
    ...(data === undefined ? {} : { data: typeof data === 'string' ? data : JSON.stringify(data) }),
    ...extra,
  }) as StoredSignal;

describe('consentAnswers', () => {
  it.each<[string, StoredSignal, unknown]>([
    [
      'a Consent Mode default, every v2 type',
      consent('gcm_default', {
        ad_storage: 'denied',
        analytics_storage: 'denied',
        ad_user_data: 'denied',
        ad_personalization: 'denied',
        functionality_storage: 'granted',
      }),
      {
        source: 'gcm_default',
        kind: 'default',
        purposes: {
          ad_storage: 'denied',
          analytics_storage: 'denied',
          ad_user_data: 'denied',
          ad_personalization: 'denied',
          functionality_storage: 'granted',
        },
      },
    ],
    [
      'wait_for_update and a region',
      consent('gcm_default', { ad_storage: 'denied', wait_for_update: 500, region: 'at,BE' }),
      { kind: 'default', purposes: { ad_storage: 'denied' }, waitForUpdateMs: 500, region: ['AT', 'BE'] },
    ],
    [
      'a region as a list',
      consent('gcm_default', { ad_storage: 'granted', region: ['US-CA', 'US'] }),
      { region: ['US-CA', 'US'] },
    ],
    [
      "an update is the visitor's answer",
      consent('gcm_update', { ad_storage: 'granted', analytics_storage: 'granted' }),
      { kind: 'answer', purposes: { ad_storage: 'granted', analytics_storage: 'granted' } },
    ],
    [
      'values that are not granted or denied are ignored',
      consent('gcm_update', { ad_storage: 'yes', analytics_storage: 1, wait_for_update: 'soon' }),
      { kind: 'answer', purposes: {} },
    ],
    [
      'an older row: the two storage types only',
      consent('gcm_default', undefined, 1_000, {
        adStorage: 'denied',
        analyticsStorage: 'granted',
      } as Partial<StoredSignal>),
      { kind: 'default', purposes: { ad_storage: 'denied', analytics_storage: 'granted' } },
    ],
    [
      'a TC string, decoded',
      consent('tcf', { gdprApplies: true, eventStatus: 'useractioncomplete', tcString: AXEPTIO }),
      {
        source: 'tcf',
        kind: 'answer',
        purposes: { ad_storage: 'denied', analytics_storage: 'denied' },
        tcf: {
          gdprApplies: true,
          eventStatus: 'useractioncomplete',
          cmpId: 260,
          purposeConsents: [1, 2, 3],
          purposeLegitimateInterests: [2, 7],
          vendorConsents: [1, 755],
          vendorLegitimateInterests: [755],
        },
      },
    ],
    [
      'the TCF banner up with no stored answer',
      consent('tcf', { gdprApplies: true, eventStatus: 'cmpuishown', tcString: '' }),
      { kind: 'default', purposes: {}, tcf: { eventStatus: 'cmpuishown' } },
    ],
    [
      'a visitor the GDPR does not apply to',
      consent('tcf', { gdprApplies: false, tcString: '' }),
      { kind: 'answer', purposes: { ad_storage: 'granted', analytics_storage: 'granted' } },
    ],
    [
      'a TC string that does not decode says why and nothing else',
      consent('tcf', { gdprApplies: true, eventStatus: 'tcloaded', tcString: 'BOhwdphOxFC7tAHABBFRC--AAAAuhr' }),
      { kind: 'answer', purposes: {}, tcf: { error: expect.stringContaining('version 1') } },
    ],
    [
      "OneTrust's active groups once the visitor chose",
      consent('onetrust', { groups: ',C0001,C0002,', answered: true }),
      {
        source: 'onetrust',
        kind: 'answer',
        purposes: {
          analytics_storage: 'granted',
          functionality_storage: 'denied',
          personalization_storage: 'denied',
          ad_storage: 'denied',
        },
      },
    ],
    [
      "OneTrust's defaults before",
      consent('onetrust', { groups: ',C0001,C0002,C0003,C0004,', answered: false }),
      { kind: 'default', purposes: { ad_storage: 'granted' } },
    ],
    [
      'OneTrust with custom groups only says nothing',
      consent('onetrust', { groups: ',NECESSARY,ADS,', answered: true }),
      { purposes: {} },
    ],
    [
      'Cookiebot',
      consent('cookiebot', { preferences: true, statistics: true, marketing: false, answered: true }),
      {
        source: 'cookiebot',
        kind: 'answer',
        purposes: { functionality_storage: 'granted', analytics_storage: 'granted', ad_storage: 'denied' },
      },
    ],
    [
      'Usercentrics, everything denied',
      consent('usercentrics', {
        services: [
          ['essential', true],
          ['marketing', false],
          ['functional', false],
        ],
        answered: true,
      }),
      { kind: 'answer', purposes: { ad_storage: 'denied', analytics_storage: 'denied' } },
    ],
    [
      'Usercentrics, some categories',
      consent('usercentrics', {
        services: [
          ['marketing', false],
          ['functional', true],
          ['functional', true],
        ],
        answered: true,
      }),
      { purposes: { ad_storage: 'denied', functionality_storage: 'granted' } },
    ],
    [
      'Didomi',
      consent('didomi', {
        enabled: ['cookies', 'measure_content_performance'],
        disabled: ['select_basic_ads', 'create_ads_profile'],
        answered: true,
      }),
      { source: 'didomi', kind: 'answer', purposes: { ad_storage: 'denied', analytics_storage: 'granted' } },
    ],
    [
      'Didomi with device storage refused',
      consent('didomi', { enabled: ['measure_content_performance'], disabled: ['cookies'], answered: true }),
      { purposes: { ad_storage: 'denied', analytics_storage: 'denied', personalization_storage: 'denied' } },
    ],
  ])('%s', (_, signal, want) => expect(consentAnswers([signal])[0]).toMatchObject(want as object));

  it.each([
    ['not JSON', consent('cookiebot', '{oops')],
    ['not an object', consent('onetrust', '"C0001"')],
  ])('drops a CMP state that is %s', (_, signal) => expect(consentAnswers([signal])).toEqual([]));

  it('keeps only consent events, oldest first', () => {
    const dl = {
      id: 'd',
      sessionId: 's',
      tabId: 1,
      frameId: 0,
      at: 1,
      kind: 'datalayer',
      source: 'dataLayer',
      event: 'x',
    } as StoredSignal;
    const got = consentAnswers([
      consent('gcm_update', { ad_storage: 'granted' }, 300),
      dl,
      consent('gcm_default', { ad_storage: 'denied' }, 100),
    ]);
    expect(got.map((a) => [a.at, a.source])).toEqual([
      [100, 'gcm_default'],
      [300, 'gcm_update'],
    ]);
  });
});
