import { DECODERS } from '../../lib/tags/registry';
import { queryOf } from '../../lib/tags/params';
import type { TagDecoder } from '../../lib/tags/types';
import { VENDORS } from '../../lib/tags/vendors';

// The registry grown further, for the bench: do dispatch costs stay flat as decoders are added? (Issue 16 took it
// from 30 decoders to 77; more are on their way.) The 55 added here are stand-ins — 50 bound to ad-tech and
// analytics domains, most of them also a real decoder's (a host several decoders name is the costlier case), 5
// that read first-party collectors (any host, with path marks) — and decode nothing in the corpus, so the
// figures compare the cost of asking, not of decoding.

/** Domains of tag vendors (Adobe's other products, Comscore, Optimizely, The Trade Desk, Taboola…). */
const HOSTS = [
  'demdex.net',
  'adobedc.net',
  'everesttech.net',
  'tt.omtrdc.net',
  'scorecardresearch.com',
  'parsely.com',
  'parse.ly',
  'webtrends.com',
  'webtrendslive.com',
  'piwik.pro',
  'ensighten.com',
  'nexus.ensighten.com',
  'mparticle.com',
  'lytics.io',
  'split.io',
  'optimizely.com',
  'dynamicyield.com',
  'omniconvert.com',
  'fullstory.com',
  'crazyegg.com',
  'glassboxdigital.io',
  'decibelinsight.net',
  '6sc.co',
  'demandbase.com',
  'merkury.io',
  'braze.com',
  'brevo.com',
  'sendinblue.com',
  'indicative.com',
  'invoca.net',
  'vibes.com',
  'amazon-adsystem.com',
  'adsrvr.org',
  'adform.net',
  'outbrain.com',
  'teads.tv',
  'creativecdn.com',
  'zemanta.com',
  'sojern.com',
  'seznam.cz',
  'byspotify.com',
  'taboola.com',
  'yahoo.com',
  'visualwebsiteoptimizer.com',
  'intercom.io',
  'customer.io',
  'xiti.com',
  'ati-host.net',
  'chartbeat.net',
  'quantserve.com',
];

/** Any-host stand-ins: the first-party forms of Adobe's Edge, AT Internet, Piwik PRO, Snowplow-like and mParticle-like collectors. */
const ANY_HOST_MARKS: readonly RegExp[] = [
  /\/ee\/(?:[^/]+\/)?v1\/(?:interact|collect)$/,
  /\/hit\.xiti$/,
  /\/ppms\.php$/,
  /\/v1\/identify$|\/v2\/events$/,
  /\/api\/v\d+\/(?:track|events)\/?$/,
];

function hostBound(i: number): TagDecoder {
  return {
    vendor: DECODERS[i % DECODERS.length]!.vendor,
    // What such a decoder checks: its collector's path, then a field or two of the query.
    matches: (url) => url.pathname.startsWith('/v1/collect') && queryOf(url).has(`x${i}`),
    decode: () => [],
  };
}

function anyHost(marks: RegExp, i: number): TagDecoder {
  return {
    vendor: DECODERS[i % DECODERS.length]!.vendor,
    anyHost: true,
    pathMarks: marks,
    matches: (url) => marks.test(url.pathname) && queryOf(url).has(`configId${i}`),
    decode: () => [],
  };
}

const added: Array<{ decoder: TagDecoder; hosts: readonly string[] }> = [
  ...HOSTS.map((host, i) => ({ decoder: hostBound(i), hosts: [host] })),
  ...ANY_HOST_MARKS.map((marks, i) => ({ decoder: anyHost(marks, i), hosts: [] })),
];

const HOSTS_OF = new Map<TagDecoder, readonly string[]>([
  ...DECODERS.map((d): [TagDecoder, readonly string[]] => [d, VENDORS[d.vendor].hosts]),
  ...added.map(({ decoder, hosts }): [TagDecoder, readonly string[]] => [decoder, hosts]),
]);

/** Today's decoders followed by the 55 stand-ins, and each one's hosts. */
export const LARGE_REGISTRY: readonly TagDecoder[] = [...DECODERS, ...added.map((a) => a.decoder)];
export const largeRegistryHosts = (decoder: TagDecoder): readonly string[] => HOSTS_OF.get(decoder) ?? [];
export const LARGE_REGISTRY_SHAPE = {
  total: LARGE_REGISTRY.length,
  anyHost: LARGE_REGISTRY.filter((d) => d.anyHost).length,
};
