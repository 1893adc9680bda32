import type { AuditReport } from './report';
import { hit, pageReport, purchase, T0, firing } from './testing';

export { rollUp, SITE_FORMAT } from './site';

// Five pages of a shop as the audit command reports them: the roll-up's and the baseline's tests read them.
// The contact page loads GA4 but sends nothing; the teapot page's Meta pixel sends no PageView and its GA4
// goes to an old property; the home and mug pages leak an email address; the thank-you page misses GA4's purchase.

const base = (account = 'G-MAIN') => [
  hit('ga4', 'library_load', T0, { account }),
  hit('ga4', 'page_view', T0 + 100, { account }),
  hit('meta-pixel', 'PageView', T0 + 120, { account: '111' }),
];

export function pageReports(): AuditReport[] {
  const email = { params: { user_email: 'jane@shop.example' } };
  return [
    pageReport(
      'https://shop.example/',
      [],
      [...base(), hit('ga4', 'sign_up', T0 + 300, { account: 'G-MAIN', ...email })],
    ),
    pageReport(
      'https://shop.example/product/mug',
      [],
      [...base(), hit('ga4', 'view_item', T0 + 300, { account: 'G-MAIN', ...email })],
    ),
    pageReport(
      'https://shop.example/product/teapot',
      [],
      [
        hit('ga4', 'page_view', T0 + 100, { account: 'G-OLD' }),
        hit('meta-pixel', 'ViewContent', T0 + 200, { account: '111' }),
      ],
    ),
    pageReport(
      'https://shop.example/contact',
      [],
      [
        hit('ga4', 'library_load', T0, { account: 'G-MAIN' }),
        hit('meta-pixel', 'PageView', T0 + 120, { account: '111' }),
      ],
    ),
    pageReport(
      'https://shop.example/thanks',
      [
        {
          ...purchase,
          expect: [
            { vendor: 'ga4', event: 'purchase' },
            { vendor: 'meta-pixel', event: 'Purchase' },
          ],
        },
      ],
      [
        ...base(),
        hit('meta-pixel', 'Purchase', T0 + 2_050, { account: '111' }),
        hit('google-ads', 'conversion', T0 + 2_060, { account: 'AW-1' }),
      ],
      [firing('purchase', T0 + 2_000, { trigger: 'datalayer_event', element: undefined })],
    ),
  ];
}
