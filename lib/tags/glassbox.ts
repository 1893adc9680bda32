import { domainIs } from './params';
import type { TagDecoder, TagHit } from './types';

// Glassbox records sessions. Its detector is served per customer from `https://cdn.gbqofs.com/<customer>/<env>/
// detector-dom.min.js` (`<env>` a one-letter environment: p production, u/a/… test ones), configured with a report
// URI on the customer's collector, `https://report.<customer>.gbqofs.io/[<path>/]reporting/<application uuid>/
// cls_report`, to which it POSTs the recorded session (binary or compressed: not read). Both name the customer: the
// account. The application UUID in the report URI is kept as a param. Other files on the CDN are parts of the
// detector, not loads of their own.

const DETECTOR = /^\/([^/]+)\/([^/]+)\/detector-[a-z]+(?:\.min)?\.js$/;
const REPORT = /\/reporting\/([0-9a-f-]{36})\/cls_report$/i;

function customerOfReportHost(host: string): string | undefined {
  const m = /^report\.([^.]+)\.gbqofs\.io$/.exec(host);
  return m?.[1];
}

export const glassbox: TagDecoder = {
  vendor: 'glassbox',
  matches: (url) => {
    const host = url.hostname;
    const path = url.pathname;
    if (domainIs(host, 'gbqofs.com')) return path.endsWith('.js') && DETECTOR.test(path);
    return domainIs(host, 'gbqofs.io') && path.endsWith('/cls_report');
  },
  decode: (url): TagHit[] => {
    const path = url.pathname;
    const detector = DETECTOR.exec(path);
    if (detector) {
      return [
        {
          vendor: 'glassbox',
          event: 'library_load',
          account: detector[1],
          params: { environment: detector[2]!, script: path.slice(path.lastIndexOf('/') + 1) },
        },
      ];
    }
    const report = REPORT.exec(path);
    const params: Record<string, string> = {};
    if (report) params.application_id = report[1]!;
    return [{ vendor: 'glassbox', event: 'recording', account: customerOfReportHost(url.hostname), params }];
  },
};
