import { gunzipSync, gzipSync, strFromU8 } from 'fflate';
import type { WebRequestDetails } from '../../lib/store/web-request';
import type { HitRequest } from '../../lib/tags/types';

/** A request as webRequest hands it over: `raw` is a body sent compressed, read through lib/tags/body.ts as the worker does. */
export type CorpusRequest = HitRequest & { raw?: Uint8Array };
const gzip = (value: unknown) => gzipSync(new TextEncoder().encode(JSON.stringify(value)));

// Realistic tag requests, in the vendors' documented formats, varied by a counter so no two are identical.
const PAGE = 'https%3A%2F%2Fshop.example%2Fproducts%2Fmug%3Fvariant%3D';

const TEMPLATES: Array<(i: number) => CorpusRequest> = [
  (i) => ({
    url: `https://region1.google-analytics.com/g/collect?v=2&tid=G-BENCH${i % 7}&gtm=45je&_p=${i}&cid=1234.${i}&ul=en-us&sr=1920x1080&_s=${i % 9}&sid=17000${i}&sct=3&seg=1&dl=${PAGE}${i}&dt=Mug&en=page_view&_ee=1&ep.content_group=shop`,
    method: 'POST',
    type: 'ping',
  }),
  (i) => ({
    url: `https://www.google-analytics.com/g/collect?v=2&tid=G-BENCH1&cid=55.${i}&dl=${PAGE}${i}&gcs=G111&gcd=13r3r3r3r5l1`,
    method: 'POST',
    type: 'ping',
    body: `en=add_to_cart&cu=EUR&epn.value=${i % 50}.5&pr1=idSKU${i}~nmMug~pr12.5~qt2~caKitchen\nen=view_item&pr1=idSKU${i}~nmMug\nen=scroll&epn.percent_scrolled=90`,
  }),
  (i) => ({
    url: `https://www.facebook.com/tr/?id=10203040${i % 5}&ev=${['PageView', 'Lead', 'AddToCart', 'Purchase'][i % 4]}&dl=${PAGE}${i}&rl=&if=false&ts=17000000${i}&cd[value]=${i % 90}&cd[currency]=EUR&sw=1920&sh=1080&v=2.9.150&r=stable&ec=${i % 4}&o=4126&fbp=fb.1.1700.${i}&it=1700&coo=false&rqm=GET`,
    method: 'GET',
    type: 'image',
  }),
  (i) => ({
    url: `https://www.googleadservices.com/pagead/conversion/98765${i % 9}/?random=${i}&cv=11&fst=1700&bg=ffffff&guid=ON&async=1&gtm=45be&u_w=1920&u_h=1080&url=${PAGE}${i}&label=AbCd${i % 3}&value=${i % 100}&currency_code=EUR&gcs=G111&frm=0`,
    method: 'GET',
    type: 'image',
  }),
  (i) => ({
    url: `https://px.ads.linkedin.com/collect/?pid=5432${i % 3}&fmt=gif&url=${PAGE}${i}&time=1700${i}&li_adsId=abc-${i}&conversionId=${i % 2 ? 678 : ''}`,
    method: 'GET',
    type: 'image',
  }),
  (i) => ({
    url: 'https://analytics.tiktok.com/api/v2/pixel',
    method: 'POST',
    type: 'xmlhttprequest',
    body: JSON.stringify({
      event: 'AddToCart',
      event_id: `e${i}`,
      message_id: `m${i}`,
      timestamp: '2026-11-23T10:00:00.000Z',
      context: {
        pixel: { code: 'CBENCHPIXEL' },
        page: { url: `https://shop.example/p/${i}`, referrer: '' },
        library: { name: 'pixel.js', version: '2.2.1' },
        user: { anonymous_id: `a${i}` },
      },
      properties: { value: i % 30, currency: 'EUR', contents: [{ content_id: `SKU${i}`, quantity: 1, price: 12 }] },
    }),
  }),
  (i) => ({
    url: 'https://api.segment.io/v1/t',
    method: 'POST',
    type: 'xmlhttprequest',
    body: JSON.stringify({
      type: 'track',
      event: 'Product Added',
      writeKey: 'wk_BENCH',
      messageId: `m${i}`,
      anonymousId: `a${i}`,
      properties: { product_id: `SKU${i}`, price: 12, quantity: 1 },
      context: { page: { url: `https://shop.example/p/${i}` } },
    }),
  }),
  (i) => ({
    url: `https://bat.bing.com/action/0?ti=1234567&tm=gtm002&Ver=2&mid=${i}&sid=abc&vid=def&vids=0&msclkid=N&evt=custom&ea=add_to_cart&ec=ecommerce&gv=${i % 40}&gc=EUR&p=${PAGE}${i}&r=&lt=1200&sw=1920&sh=1080&sc=24&nwd=1&bo=1&uach=pv%3D10&rn=${i}`,
    method: 'GET',
    type: 'image',
  }),
  (i) => ({
    url: `https://ct.pinterest.com/v3/?event=addtocart&ed=%7B%22value%22%3A${i % 50}%2C%22order_quantity%22%3A1%2C%22currency%22%3A%22EUR%22%7D&tid=261234567890${i % 3}&pd=%7B%22np%22%3A%22gtm%22%7D&cb=${i}`,
    method: 'GET',
    type: 'image',
  }),
  (i) => ({
    url: `https://alb.reddit.com/rp.gif?ts=1700${i}&id=t2_bench${i % 4}&event=AddToCart&m.itemCount=1&m.value=${i % 40}&m.currency=EUR&uuid=u${i}&aaid=&em=&integration=reddit&opt_out=0&sh=1080&sw=1920&v=rdt_${i}`,
    method: 'GET',
    type: 'image',
  }),
  (i) => ({
    url: `https://shop.sc.omtrdc.net/b/ss/shopprod,shopglobal/1/JS-2.22.0-LBQ1/s${i}?AQB=1&ndh=1&pf=1&t=23%2F10%2F2026&mid=${i}&aamlh=6&ce=UTF-8&pageName=product%3Amug&g=${PAGE}${i}&events=scAdd%2Cevent12&products=%3BSKU${i}%3B1%3B12&v1=campaign${i % 3}&c2=shop&AQE=1`,
    method: 'GET',
    type: 'image',
  }),
  (i) => ({
    url: `https://analytics.shop.example/matomo.php?idsite=3&rec=1&r=${i}&h=10&m=0&s=0&url=${PAGE}${i}&action_name=Mug&_id=abc${i}&e_c=Cart&e_a=add&e_n=SKU${i}&e_v=12&send_image=0`,
    method: 'GET',
    type: 'xmlhttprequest',
  }),
  (i) => ({
    url: 'https://api2.amplitude.com/2/httpapi',
    method: 'POST',
    type: 'xmlhttprequest',
    body: JSON.stringify({
      api_key: 'amp_BENCH',
      events: [
        {
          event_type: 'Add To Cart',
          device_id: `d${i}`,
          event_properties: { sku: `SKU${i}`, price: 12 },
          time: 1700000000000 + i,
        },
      ],
    }),
  }),
  (i) => ({
    url: 'https://plausible.io/api/event',
    method: 'POST',
    type: 'xmlhttprequest',
    body: JSON.stringify({ n: 'pageview', u: `https://shop.example/p/${i}`, d: 'shop.example', r: null }),
  }),
  (i) => ({
    url: `https://www.googletagmanager.com/gtag/js?id=G-BENCH${i % 3}&l=dataLayer&cx=c`,
    method: 'GET',
    type: 'script',
  }),
  (i) => ({
    url: `https://connect.facebook.net/signals/config/10203040${i % 5}?v=2.9.150&r=stable&domain=shop.example`,
    method: 'GET',
    type: 'script',
  }),
  (i) => ({
    url: `https://edge.adobedc.net/ee/v1/interact?configId=ebebf826-a01f-4458-8cec-ef61de241c9${i % 3}&requestId=r${i}`,
    method: 'POST',
    type: 'xmlhttprequest',
    body: JSON.stringify({
      events: [
        {
          xdm: {
            eventType: 'web.webpagedetails.pageViews',
            web: { webPageDetails: { name: `product:${i}`, URL: `https://shop.example/p/${i}` } },
            identityMap: { ECID: [{ id: `6092820821542415804329654654358038${i % 100}`, primary: true }] },
          },
          data: { __adobe: { analytics: { eVar1: `c${i % 4}` } } },
        },
      ],
    }),
  }),
  (i) => ({
    url: `https://abcdefg.pa-cd.com/event?s=61234${i % 5}&idclient=0f1e2d3c-${i}`,
    method: 'POST',
    type: 'xmlhttprequest',
    body: JSON.stringify({ events: [{ name: 'page.display', data: { page: `product_${i}`, page_chapter1: 'shop' } }] }),
  }),
  (i) => ({
    url: `https://sb.scorecardresearch.com/b?c1=2&c2=123456${i % 7}&cv=4.4.0&cs_ucfr=1&c7=${PAGE}${i}&c8=Mug&c9=&rn=${i}`,
    method: 'GET',
    type: 'image',
  }),
  (i) => ({
    url: 'https://logx.optimizely.com/v1/events',
    method: 'POST',
    type: 'ping',
    body: JSON.stringify({
      account_id: '8504447126',
      project_id: `850444712600${i % 3}`,
      client_name: 'js',
      visitors: [
        {
          visitor_id: `oeu${i}`,
          snapshots: [
            {
              decisions: [{ campaign_id: '20000001', experiment_id: '20000002', variation_id: `2000000${i % 2}` }],
              events: [
                { entity_id: '20000001', type: 'campaign_activated', timestamp: 1763884800000 + i, uuid: `e${i}` },
              ],
            },
          ],
        },
      ],
    }),
  }),
  (i) => ({
    url: `https://acme.piwik.pro/ppms.php?idsite=0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5${i % 10}&rec=1&action_name=Mug&url=${PAGE}${i}&_id=a1b2c3d4${i}&e_c=Cart&e_a=add&e_n=SKU${i}`,
    method: 'GET',
    type: 'xmlhttprequest',
  }),
  // Compressed batches as SDKs send them: posthog-js gzips (no header says so), Amplitude gzips uploads ≥ 2 KiB.
  (i) => ({
    url: `https://us.i.posthog.com/e/?ip=1&_=${1763884800000 + i}&ver=1.449.2`,
    method: 'POST',
    type: 'xmlhttprequest',
    raw: gzip([
      {
        event: 'trial_started',
        properties: {
          token: 'phc_BENCH',
          distinct_id: `d${i}`,
          $current_url: `https://shop.example/p/${i}`,
          plan: 'pro',
        },
      },
      {
        event: '$pageview',
        properties: { token: 'phc_BENCH', distinct_id: `d${i}`, $current_url: `https://shop.example/p/${i}` },
      },
    ]),
  }),
  (i) => ({
    url: 'https://api2.amplitude.com/2/httpapi',
    method: 'POST',
    type: 'xmlhttprequest',
    raw: gzip({
      api_key: 'amp_BENCH',
      events: Array.from({ length: 3 }, (_, k) => ({
        event_type: k === 0 ? 'Add To Cart' : 'Product Viewed',
        device_id: `d${i}`,
        session_id: 1763884800000 + i,
        time: 1763884800000 + i + k,
        event_properties: {
          sku: `SKU${i}-${k}`,
          name: 'Stoneware mug, speckled glaze, 350 ml',
          price: 12,
          currency: 'EUR',
          categories: ['kitchen', 'mugs', 'gifts'],
        },
        user_properties: { plan: 'free', country: 'DE' },
        platform: 'Web',
        os_name: 'Chrome',
        language: 'en-US',
        library: 'amplitude-ts/2.48.1',
      })),
    }),
  }),
  // Issue 16, part b: a DSP pixel, a native-ads pixel, a testing tool and a messaging SDK.
  (i) => ({
    url: `https://insight.adsrvr.org/track/up?adv=7xk2p1q&ref=${PAGE}${i}&upid=9zt3w0v&upv=1.1.0&v=${i % 70}.5&vf=EUR&orderid=ORD-${i}&td1=shop`,
    method: 'GET',
    type: 'image',
  }),
  (i) => ({
    url: `https://trc.taboola.com/123456${i % 7}/log/3/unip?en=${['page_view', 'add_to_cart', 'make_purchase'][i % 3]}&tim=10%3A00%3A${i % 60}&item-url=${PAGE}${i}&revenue=${i % 40}&currency=EUR&orderid=T${i}`,
    method: 'GET',
    type: 'image',
  }),
  (i) => ({
    url: `https://dev.visualwebsiteoptimizer.com/events/t?en=vwo_variationShown&a=654321&eTime=1763884800${i}`,
    method: 'POST',
    type: 'ping',
    body: JSON.stringify({
      d: {
        msgId: `m${i}`,
        visId: `V${i}`,
        sessionId: 1763884800 + i,
        event: {
          props: { id: i % 20, variation: String(i % 3), isFirst: 1 },
          name: 'vwo_variationShown',
          time: 1763884800000 + i,
        },
      },
    }),
  }),
  (i) => ({
    url: 'https://sdk.iad-01.braze.com/api/v3/data',
    method: 'POST',
    type: 'xmlhttprequest',
    body: JSON.stringify({
      api_key: 'brz-bench',
      device_id: `d${i}`,
      sdk_version: '5.4.0',
      time: 1763884800 + i,
      events: [
        {
          name: 'ce',
          data: { n: 'Product Viewed', p: { sku: `SKU${i}`, price: 12 } },
          time: 1763884800 + i,
          session_id: `s${i % 9}`,
        },
      ],
    }),
  }),
];

/** `n` tag requests cycling through the vendors above. */
export function tagCorpus(n: number): CorpusRequest[] {
  return Array.from({ length: n }, (_, i) => TEMPLATES[i % TEMPLATES.length]!(i));
}

/** Requests a page makes that are not tags: most of what webRequest reports. */
export function nonTagCorpus(n: number): HitRequest[] {
  const kinds = [
    (i: number) => `https://shop.example/assets/app.${i}.js`,
    (i: number) => `https://cdn.shop.example/img/product-${i}.webp?w=640`,
    (i: number) => `https://shop.example/api/cart?item=${i}`,
    (i: number) => `https://fonts.gstatic.com/s/inter/v${i}/font.woff2`,
    (i: number) => `https://www.youtube.com/embed/abc${i}?enablejsapi=1`,
  ];
  return Array.from({ length: n }, (_, i) => ({ url: kinds[i % kinds.length]!(i), method: 'GET', type: 'other' }));
}

// ——— The capture corpus: requests as webRequest reports them (bodies as bytes), for the capture-path bench. ———

const encoder = new TextEncoder();

function raw(bytes: Uint8Array): WebRequestDetails['requestBody'] {
  // A fresh ArrayBuffer of exactly the body, as webRequest hands over (a Buffer's `.buffer` may be a shared pool).
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return { raw: [{ bytes: copy.buffer }] };
}

function details(
  i: number,
  url: string,
  method: string,
  type: string,
  requestBody?: WebRequestDetails['requestBody'],
): WebRequestDetails {
  return {
    requestId: String(i),
    tabId: 1,
    frameId: 0,
    url,
    method,
    type,
    timeStamp: 1_763_884_800_000 + i,
    ...(requestBody ? { requestBody } : {}),
  };
}

/** A text body as Chromium gives it for fetch / XHR / sendBeacon with a string: the UTF-8 bytes. */
function withTextBody(i: number, req: CorpusRequest): WebRequestDetails {
  const bytes = req.raw ?? (req.body === undefined ? undefined : encoder.encode(req.body));
  return details(i, req.url, req.method ?? 'GET', req.type ?? 'other', bytes === undefined ? undefined : raw(bytes));
}

// gzipSync costs about a millisecond a call (mostly zlib's set-up): a hundred and one variants of each compressed
// body are made and reused, each request still getting its own copy. Inflating does not get cheaper with repeats.
const GZIP_VARIANTS = 101;
const gzipped = new Map<string, Uint8Array>();
function gzipVariant(kind: string, i: number, make: (i: number) => unknown): Uint8Array {
  const key = `${kind}:${i % GZIP_VARIANTS}`;
  let bytes = gzipped.get(key);
  if (!bytes) gzipped.set(key, (bytes = gzip(make(i % GZIP_VARIANTS))));
  return bytes;
}

/**
 * posthog-js (1.4xx) gzips every batch (fflate) and POSTs it as text/plain to `/e/` with no `compression=`
 * parameter: the body is the gzip of a JSON array of events.
 */
function posthogEvents(i: number): unknown {
  return Array.from({ length: 1 + (i % 5) }, (_, k) => ({
    event: k === 0 ? '$pageview' : 'added_to_cart',
    properties: {
      token: 'phc_BenchProjectKey',
      distinct_id: `d${i}`,
      $current_url: `https://shop.example/p/${i}`,
      $host: 'shop.example',
      $pathname: `/p/${i}`,
      $lib: 'web',
      $lib_version: '1.449.0',
      $session_id: `s${i}`,
      $insert_id: `ins${i}-${k}`,
      $browser: 'Chrome',
      $os: 'Linux',
      $screen_height: 1080,
      $screen_width: 1920,
      sku: `SKU${i}`,
      price: 12.5,
    },
    timestamp: '2026-11-23T10:00:00.000Z',
  }));
}

function posthogGzip(i: number): WebRequestDetails {
  return details(
    i,
    `https://us.i.posthog.com/e/?ip=0&_=${1_763_884_800_000 + i}&ver=1.449.0`,
    'POST',
    'xmlhttprequest',
    raw(gzipVariant('posthog', i, posthogEvents)),
  );
}

/**
 * @amplitude/analytics-browser (2.x) gzips batches of 2 KiB or more (the page sets `Content-Encoding: gzip`,
 * which webRequest does not show): the body is the gzip of the HTTP V2 JSON.
 */
function amplitudeBatch(i: number): unknown {
  const events = Array.from({ length: 12 }, (_, k) => ({
    event_type: k % 3 === 0 ? '[Amplitude] Page Viewed' : 'Add To Cart',
    device_id: `dev-${i}`,
    session_id: 1_763_884_800_000 + i,
    time: 1_763_884_800_000 + i + k,
    platform: 'Web',
    os_name: 'Chrome',
    language: 'en-US',
    insert_id: `ins-${i}-${k}`,
    library: 'amplitude-ts/2.48.0',
    event_properties: { sku: `SKU${i}-${k}`, price: 12, '[Amplitude] Page URL': `https://shop.example/p/${i}` },
    user_properties: { plan: 'free' },
  }));
  return { api_key: 'amp_BENCH', events, options: {} };
}

function amplitudeGzip(i: number): WebRequestDetails {
  return details(
    i,
    'https://api2.amplitude.com/2/httpapi',
    'POST',
    'xmlhttprequest',
    raw(gzipVariant('amplitude', i, amplitudeBatch)),
  );
}

/** Tag requests as captured: the templates above with their bodies as bytes, plus compressed batches. */
const CAPTURE_TEMPLATES: Array<(i: number) => WebRequestDetails> = [
  ...TEMPLATES.map((template) => (i: number) => withTextBody(i, template(i))),
  posthogGzip,
  amplitudeGzip,
];

/**
 * The tag requests of the corpus as the decoders see them, compressed batches as the text they inflate to: what
 * scripts/bench/decode-golden.test.ts pins the decoders' output on.
 */
export function decoderCorpus(rounds: number): HitRequest[] {
  const out: HitRequest[] = [];
  for (let r = 0; r < rounds; r++) {
    for (let t = 0; t < TEMPLATES.length; t++) out.push(asDecoded(TEMPLATES[t]!(r * TEMPLATES.length + t)));
    out.push({ ...request(posthogGzip(r)), body: JSON.stringify(posthogEvents(r)) });
    out.push({ ...request(amplitudeGzip(r)), body: JSON.stringify(amplitudeBatch(r)) });
  }
  return out;
}

/** A template's request with a compressed body given as the text it inflates to. */
function asDecoded({ raw: bytes, ...req }: CorpusRequest): HitRequest {
  return bytes ? { ...req, body: strFromU8(gunzipSync(bytes)) } : req;
}

function request(d: WebRequestDetails): HitRequest {
  return { url: d.url, method: d.method, type: d.type };
}

/** `n` tag requests as webRequest reports them: GET pixels, POST beacons and batches, gzipped batches. */
export function captureTagCorpus(n: number): WebRequestDetails[] {
  return Array.from({ length: n }, (_, i) => CAPTURE_TEMPLATES[i % CAPTURE_TEMPLATES.length]!(i));
}

/** Whether a capture-corpus request's body is gzip (magic bytes 1f 8b). */
export function isGzipBody(d: WebRequestDetails): boolean {
  const part = d.requestBody?.raw?.[0]?.bytes;
  if (!part) return false;
  const bytes =
    part instanceof ArrayBuffer ? new Uint8Array(part) : new Uint8Array(part.buffer, part.byteOffset, part.byteLength);
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * What else a shop page requests, of the types the capture listens to (not styles, fonts or media): its own
 * scripts, images, API calls (JSON and form POSTs), embeds, the payment and consent scripts, error reporting;
 * some on hosts a tag vendor also owns (google.com's reCAPTCHA, facebook.net's SDK), and a first-party gzipped
 * RUM beacon. Some twenty-five hosts, as a busy shop page talks to.
 */
const NON_TAG_TEMPLATES: Array<(i: number) => WebRequestDetails> = [
  (i) => details(i, `https://shop.example/assets/app.${i}.js`, 'GET', 'script'),
  (i) => details(i, `https://shop.example/assets/chunk-${i % 50}.${i}.js`, 'GET', 'script'),
  (i) => details(i, `https://cdn${i % 4}.shop.example/img/product-${i}.webp?w=640&q=80`, 'GET', 'image'),
  (i) => details(i, `https://cdn.shopify.com/s/files/1/0${i % 9}/products/mug-${i}.jpg?v=1700${i}`, 'GET', 'image'),
  (i) => details(i, `https://shop.example/api/cart?item=${i}`, 'GET', 'xmlhttprequest'),
  (i) =>
    details(
      i,
      'https://shop.example/api/cart',
      'POST',
      'xmlhttprequest',
      raw(encoder.encode(JSON.stringify({ id: `SKU${i}`, quantity: 1, properties: { gift: false } }))),
    ),
  (i) =>
    details(
      i,
      'https://shop.example/graphql',
      'POST',
      'fetch',
      raw(
        encoder.encode(
          JSON.stringify({
            operationName: 'Product',
            variables: { handle: `mug-${i}` },
            query: 'query Product($handle: String!) { product(handle: $handle) { id title price } }',
          }),
        ),
      ),
    ),
  (i) =>
    details(i, 'https://shop.example/contact', 'POST', 'xmlhttprequest', {
      formData: { email: [`visitor${i}@example.com`], message: ['Hello'] },
    }),
  (i) =>
    details(
      i,
      `https://www.paypal.com/sdk/js?client-id=AbC${i % 3}&currency=EUR&components=buttons,messages`,
      'GET',
      'script',
    ),
  (i) => details(i, `https://shop.example/products/mug-${i}.json`, 'GET', 'xmlhttprequest'),
  (i) =>
    details(
      i,
      `https://www.youtube.com/embed/abc${i % 30}?enablejsapi=1&origin=https%3A%2F%2Fshop.example`,
      'GET',
      'sub_frame',
    ),
  (i) => details(i, `https://i.ytimg.com/vi/abc${i % 30}/hqdefault.jpg`, 'GET', 'image'),
  (i) =>
    details(
      i,
      `https://www.google.com/recaptcha/api2/anchor?ar=1&k=6Lc${i % 5}&co=aHR0cHM6Ly9zaG9wLmV4YW1wbGU6NDQz&hl=en&v=${i}`,
      'GET',
      'sub_frame',
    ),
  (i) => details(i, `https://www.gstatic.com/recaptcha/releases/abc${i % 7}/recaptcha__en.js`, 'GET', 'script'),
  (i) => details(i, `https://connect.facebook.net/en_US/sdk.js?hash=${i % 11}`, 'GET', 'script'),
  (i) => details(i, `https://js.stripe.com/v3/fingerprinted/js/elements-inner-${i % 13}.js`, 'GET', 'script'),
  (i) =>
    details(i, `https://m.stripe.network/inner.html#url=https%3A%2F%2Fshop.example%2F&id=${i}`, 'GET', 'sub_frame'),
  (i) => details(i, `https://cdn.cookielaw.org/scripttemplates/202411.1.0/otBannerSdk.js?i=${i % 3}`, 'GET', 'script'),
  (i) => details(i, `https://cdn.jsdelivr.net/npm/swiper@11/swiper-bundle.min.js?i=${i % 3}`, 'GET', 'script'),
  (i) =>
    details(
      i,
      `https://o450${i % 3}.ingest.sentry.io/api/55${i % 5}/envelope/?sentry_key=abc&sentry_version=7`,
      'POST',
      'fetch',
      raw(
        encoder.encode(`{"event_id":"e${i}","sent_at":"2026-11-23T10:00:00.000Z"}
{"type":"session"}
{"sid":"s${i}","init":false,"status":"ok","errors":0}`),
      ),
    ),
  (i) =>
    details(
      i,
      `https://rum.shop.example/v1/beacon?i=${i}`,
      'POST',
      'ping',
      raw(
        gzipVariant('rum', i, (v) => ({
          page: `/p/${v}`,
          lcp: 1200 + v,
          cls: 0.01,
          inp: 80,
          resources: Array.from({ length: 8 }, (_, k) => ({ name: `/assets/${k}.js`, duration: k * 10 })),
        })),
      ),
    ),
  (i) => details(i, `https://api.shop.example/v2/recommendations?product=${i}&limit=8`, 'GET', 'xmlhttprequest'),
  (i) => details(i, `https://static.klarna.com/badge/${i % 4}/messaging.js`, 'GET', 'script'),
  (i) => details(i, `https://maps.googleapis.com/maps/api/js?key=AIza${i % 3}&libraries=places`, 'GET', 'script'),
];

/** `n` requests that are not tags, as webRequest reports them. */
export function captureNonTagCorpus(n: number): WebRequestDetails[] {
  return Array.from({ length: n }, (_, i) => NON_TAG_TEMPLATES[i % NON_TAG_TEMPLATES.length]!(i));
}
