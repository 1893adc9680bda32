// Requests as the vendors' tags send them; the test answers the vendor hosts (routeVendors).
const PAGE = encodeURIComponent(location.href);

function pixel(url) {
  const img = new Image(1, 1);
  img.src = url;
}

function script(src) {
  const s = document.createElement('script');
  s.async = true;
  s.src = src;
  document.head.appendChild(s);
}

function post(url, body, type) {
  fetch(url, { method: 'POST', mode: 'no-cors', keepalive: true, headers: type ? { 'content-type': type } : {}, body }).catch(() => {});
}

function send() {
  // The Trade Desk Universal Pixel: a purchase with its dynamic parameters.
  pixel('https://insight.adsrvr.org/track/up?adv=7xk2p1q&ref=' + PAGE + '&upid=9zt3w0v&upv=1.1.0&v=59.90&vf=EUR&orderid=ORD-8812');
  // Taboola Pixel: its library, then a page view.
  script('https://cdn.taboola.com/libtrc/unip/1234567/tfa.js');
  pixel('https://trc.taboola.com/1234567/log/3/unip?en=page_view&item-url=' + PAGE + '&tim=10%3A00%3A00.000');
  // Outbrain Pixel conversion.
  pixel('https://tr.outbrain.com/unifiedPixel?marketerId=00f4b02153ee75f3c9dc4fc128ab0419ab&obApiVersion=1.1&name=Purchase&dl=' + PAGE + '&orderValue=59.90&currency=EUR&orderId=ORD-8812');
  // Adform tracking point.
  pixel('https://track.adform.net/Serving/TrackPoint/?pm=1257163&ADFPageName=Newsletter%20signup&ADFdivider=%7C');
  // Seznam Sklik conversion.
  pixel('https://c.seznam.cz/conv?id=100012345&value=599&orderId=OBJ-8812&consent=1');
  // Spotify Pixel, image form: a lead.
  pixel('https://img.byspotify.com/?key=a1b2c3d4e5f64718293a4b5c6d7e8f90&a=lead');
  // VWO event architecture: a visitor counted in a variation.
  post('https://dev.visualwebsiteoptimizer.com/events/t?en=vwo_variationShown&a=654321', JSON.stringify({ d: { visId: 'V-1', sessionId: 1763884800, event: { name: 'vwo_variationShown', props: { id: 12, variation: '2' } } } }));
  // Intercom Messenger boot ping, as a form.
  post('https://api-iam.intercom.io/messenger/web/ping', 'app_id=abc123de&v=3&platform=web&page_title=Vendors%20fixture', 'application/x-www-form-urlencoded');
  // Merkle Merkury's loader, served by the site itself (a first-party CNAME in real life).
  script('/tpTracking/loader/load.js?sv_cid=5432_04321&url=' + PAGE);

  // Not tag hits: Teads' video player reporting its own ad event, Amazon's publisher library, a cookie sync.
  pixel('https://t.teads.tv/track?action=start&pid=84242&vid=3b2f');
  script('https://c.amazon-adsystem.com/aax2/apstag.js');
  pixel('https://match.adsrvr.org/track/cmf/generic?ttd_pid=casale&ttd_tpi=1');
}

document.getElementById('send').addEventListener('click', send);
