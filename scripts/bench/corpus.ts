import type { HitRequest } from '../../lib/tags/types';

// Realistic tag requests, in the vendors' documented formats, varied by a counter so no two are identical.
const PAGE = 'https%3A%2F%2Fshop.example%2Fproducts%2Fmug%3Fvariant%3D';

const TEMPLATES: Array<(i: number) => HitRequest> = [
  (i) => ({ url: `https://region1.google-analytics.com/g/collect?v=2&tid=G-BENCH${i % 7}&gtm=45je&_p=${i}&cid=1234.${i}&ul=en-us&sr=1920x1080&_s=${i % 9}&sid=17000${i}&sct=3&seg=1&dl=${PAGE}${i}&dt=Mug&en=page_view&_ee=1&ep.content_group=shop`, method: 'POST', type: 'ping' }),
  (i) => ({ url: `https://www.google-analytics.com/g/collect?v=2&tid=G-BENCH1&cid=55.${i}&dl=${PAGE}${i}&gcs=G111&gcd=13r3r3r3r5l1`, method: 'POST', type: 'ping', body: `en=add_to_cart&cu=EUR&epn.value=${i % 50}.5&pr1=idSKU${i}~nmMug~pr12.5~qt2~caKitchen\nen=view_item&pr1=idSKU${i}~nmMug\nen=scroll&epn.percent_scrolled=90` }),
  (i) => ({ url: `https://www.facebook.com/tr/?id=10203040${i % 5}&ev=${['PageView', 'Lead', 'AddToCart', 'Purchase'][i % 4]}&dl=${PAGE}${i}&rl=&if=false&ts=17000000${i}&cd[value]=${i % 90}&cd[currency]=EUR&sw=1920&sh=1080&v=2.9.150&r=stable&ec=${i % 4}&o=4126&fbp=fb.1.1700.${i}&it=1700&coo=false&rqm=GET`, method: 'GET', type: 'image' }),
  (i) => ({ url: `https://www.googleadservices.com/pagead/conversion/98765${i % 9}/?random=${i}&cv=11&fst=1700&bg=ffffff&guid=ON&async=1&gtm=45be&u_w=1920&u_h=1080&url=${PAGE}${i}&label=AbCd${i % 3}&value=${i % 100}&currency_code=EUR&gcs=G111&frm=0`, method: 'GET', type: 'image' }),
  (i) => ({ url: `https://px.ads.linkedin.com/collect/?pid=5432${i % 3}&fmt=gif&url=${PAGE}${i}&time=1700${i}&li_adsId=abc-${i}&conversionId=${i % 2 ? 678 : ''}`, method: 'GET', type: 'image' }),
  (i) => ({ url: 'https://analytics.tiktok.com/api/v2/pixel', method: 'POST', type: 'xmlhttprequest', body: JSON.stringify({ event: 'AddToCart', event_id: `e${i}`, message_id: `m${i}`, timestamp: '2026-11-23T10:00:00.000Z', context: { pixel: { code: 'CBENCHPIXEL' }, page: { url: `https://shop.example/p/${i}`, referrer: '' }, library: { name: 'pixel.js', version: '2.2.1' }, user: { anonymous_id: `a${i}` } }, properties: { value: i % 30, currency: 'EUR', contents: [{ content_id: `SKU${i}`, quantity: 1, price: 12 }] } }) }),
  (i) => ({ url: 'https://api.segment.io/v1/t', method: 'POST', type: 'xmlhttprequest', body: JSON.stringify({ type: 'track', event: 'Product Added', writeKey: 'wk_BENCH', messageId: `m${i}`, anonymousId: `a${i}`, properties: { product_id: `SKU${i}`, price: 12, quantity: 1 }, context: { page: { url: `https://shop.example/p/${i}` } } }) }),
  (i) => ({ url: `https://bat.bing.com/action/0?ti=1234567&tm=gtm002&Ver=2&mid=${i}&sid=abc&vid=def&vids=0&msclkid=N&evt=custom&ea=add_to_cart&ec=ecommerce&gv=${i % 40}&gc=EUR&p=${PAGE}${i}&r=&lt=1200&sw=1920&sh=1080&sc=24&nwd=1&bo=1&uach=pv%3D10&rn=${i}`, method: 'GET', type: 'image' }),
  (i) => ({ url: `https://ct.pinterest.com/v3/?event=addtocart&ed=%7B%22value%22%3A${i % 50}%2C%22order_quantity%22%3A1%2C%22currency%22%3A%22EUR%22%7D&tid=261234567890${i % 3}&pd=%7B%22np%22%3A%22gtm%22%7D&cb=${i}`, method: 'GET', type: 'image' }),
  (i) => ({ url: `https://alb.reddit.com/rp.gif?ts=1700${i}&id=t2_bench${i % 4}&event=AddToCart&m.itemCount=1&m.value=${i % 40}&m.currency=EUR&uuid=u${i}&aaid=&em=&integration=reddit&opt_out=0&sh=1080&sw=1920&v=rdt_${i}`, method: 'GET', type: 'image' }),
  (i) => ({ url: `https://shop.sc.omtrdc.net/b/ss/shopprod,shopglobal/1/JS-2.22.0-LBQ1/s${i}?AQB=1&ndh=1&pf=1&t=23%2F10%2F2026&mid=${i}&aamlh=6&ce=UTF-8&pageName=product%3Amug&g=${PAGE}${i}&events=scAdd%2Cevent12&products=%3BSKU${i}%3B1%3B12&v1=campaign${i % 3}&c2=shop&AQE=1`, method: 'GET', type: 'image' }),
  (i) => ({ url: `https://analytics.shop.example/matomo.php?idsite=3&rec=1&r=${i}&h=10&m=0&s=0&url=${PAGE}${i}&action_name=Mug&_id=abc${i}&e_c=Cart&e_a=add&e_n=SKU${i}&e_v=12&send_image=0`, method: 'GET', type: 'xmlhttprequest' }),
  (i) => ({ url: 'https://api2.amplitude.com/2/httpapi', method: 'POST', type: 'xmlhttprequest', body: JSON.stringify({ api_key: 'amp_BENCH', events: [{ event_type: 'Add To Cart', device_id: `d${i}`, event_properties: { sku: `SKU${i}`, price: 12 }, time: 1700000000000 + i }] }) }),
  (i) => ({ url: 'https://plausible.io/api/event', method: 'POST', type: 'xmlhttprequest', body: JSON.stringify({ n: 'pageview', u: `https://shop.example/p/${i}`, d: 'shop.example', r: null }) }),
  (i) => ({ url: `https://www.googletagmanager.com/gtag/js?id=G-BENCH${i % 3}&l=dataLayer&cx=c`, method: 'GET', type: 'script' }),
  (i) => ({ url: `https://connect.facebook.net/signals/config/10203040${i % 5}?v=2.9.150&r=stable&domain=shop.example`, method: 'GET', type: 'script' }),
  (i) => ({ url: `https://edge.adobedc.net/ee/v1/interact?configId=ebebf826-a01f-4458-8cec-ef61de241c9${i % 3}&requestId=r${i}`, method: 'POST', type: 'xmlhttprequest', body: JSON.stringify({ events: [{ xdm: { eventType: 'web.webpagedetails.pageViews', web: { webPageDetails: { name: `product:${i}`, URL: `https://shop.example/p/${i}` } }, identityMap: { ECID: [{ id: `6092820821542415804329654654358038${i % 100}`, primary: true }] } }, data: { __adobe: { analytics: { eVar1: `c${i % 4}` } } } }] }) }),
  (i) => ({ url: `https://abcdefg.pa-cd.com/event?s=61234${i % 5}&idclient=0f1e2d3c-${i}`, method: 'POST', type: 'xmlhttprequest', body: JSON.stringify({ events: [{ name: 'page.display', data: { page: `product_${i}`, page_chapter1: 'shop' } }] }) }),
  (i) => ({ url: `https://sb.scorecardresearch.com/b?c1=2&c2=123456${i % 7}&cv=4.4.0&cs_ucfr=1&c7=${PAGE}${i}&c8=Mug&c9=&rn=${i}`, method: 'GET', type: 'image' }),
  (i) => ({ url: 'https://logx.optimizely.com/v1/events', method: 'POST', type: 'ping', body: JSON.stringify({ account_id: '8504447126', project_id: `850444712600${i % 3}`, client_name: 'js', visitors: [{ visitor_id: `oeu${i}`, snapshots: [{ decisions: [{ campaign_id: '20000001', experiment_id: '20000002', variation_id: `2000000${i % 2}` }], events: [{ entity_id: '20000001', type: 'campaign_activated', timestamp: 1763884800000 + i, uuid: `e${i}` }] }] }] }) }),
  (i) => ({ url: `https://acme.piwik.pro/ppms.php?idsite=0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5${i % 10}&rec=1&action_name=Mug&url=${PAGE}${i}&_id=a1b2c3d4${i}&e_c=Cart&e_a=add&e_n=SKU${i}`, method: 'GET', type: 'xmlhttprequest' }),
];

/** `n` tag requests cycling through the vendors above. */
export function tagCorpus(n: number): HitRequest[] {
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
