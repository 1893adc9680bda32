// Tag hits as the vendors' libraries send them; the test answers the vendor hosts.
const GA4 = 'https://region1.google-analytics.com/g/collect?v=2&tid=G-TEST123&gtm=45je&_p=1&cid=111.222&ul=en-us&sr=1280x720&dl=' + encodeURIComponent(location.href) + '&dt=Capture%20fixture';

function pixel(url) {
  const img = new Image(1, 1);
  img.src = url;
}

function sendAll() {
  // GA4 batches events in a text beacon body, one event per line.
  navigator.sendBeacon(GA4 + '&_s=1', 'en=page_view&_ee=1\nen=sign_up&ep.method=newsletter');
  // gtag.js also sends beacons with a Blob body; Chromium does not give those to webRequest.
  navigator.sendBeacon(GA4 + '&_s=2', new Blob(['en=add_to_cart&cu=EUR&epn.value=19.9&pr1=idSKU-1~nmMug~pr19.9~qt1'], { type: 'text/plain' }));
  pixel('https://www.facebook.com/tr/?id=1234567890&ev=Lead&dl=' + encodeURIComponent(location.href) + '&cd[content_name]=Newsletter');
  pixel('https://www.googleadservices.com/pagead/conversion/987654321/?label=AbCdEfGh&value=10&currency_code=EUR&guid=ON&script=0');
  pixel('https://px.ads.linkedin.com/collect/?pid=54321&fmt=gif&conversionId=678&url=' + encodeURIComponent(location.href));
  fetch('https://analytics.tiktok.com/api/v2/pixel', {
    method: 'POST', mode: 'no-cors', keepalive: true,
    body: JSON.stringify({ event: 'SubmitForm', event_id: 'e1', timestamp: new Date().toISOString(), context: { pixel: { code: 'CTESTPIXEL1' }, page: { url: location.href } }, properties: {} }),
  }).catch(() => {});
  fetch('https://api.segment.io/v1/t', {
    method: 'POST', mode: 'no-cors',
    body: JSON.stringify({ type: 'track', event: 'Signed Up', writeKey: 'wk_TEST', properties: { plan: 'pro' }, messageId: 'm1', anonymousId: 'a1' }),
  }).catch(() => {});
  // The test blocks this one, as an ad blocker would.
  pixel('https://www.facebook.com/tr/?id=1234567890&ev=Purchase&cd[value]=49&cd[currency]=EUR&blockme=1');
}

function burst() {
  for (let i = 0; i < 60; i++) pixel('https://www.facebook.com/tr/?id=1234567890&ev=ViewContent&cd[n]=' + i + '&ts=' + Date.now() + '&r=' + Math.random());
}

// First-party GA4 (a server-side container on this host): no test routing in the way, for the benchmark.
function burstLocal() {
  for (let i = 0; i < 60; i++) pixel('/g/collect?v=2&tid=G-LOCAL&cid=1.2&en=scroll&epn.n=' + i + '&r=' + Math.random());
}

document.getElementById('burst-local').addEventListener('click', burstLocal);
document.getElementById('send-all').addEventListener('click', sendAll);
document.getElementById('burst').addEventListener('click', burst);
