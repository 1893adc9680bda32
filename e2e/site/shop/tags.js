// Stand-ins for gtag.js and the Meta Pixel: the same requests, in the vendors' documented formats, without
// the vendors' code (the fixture must not depend on the internet).
(function () {
  var GA4 = 'https://region1.google-analytics.com/g/collect';
  var seq = 0;
  function ga4(name, params) {
    var q = 'v=2&tid=G-SHOP123&gtm=45je&cid=555.1763884800&sid=1763884800&sct=1&_p=' + Date.now() + '&_s=' + (++seq) +
      '&dl=' + encodeURIComponent(location.href) + '&dt=' + encodeURIComponent(document.title) +
      // The event name in the URL too, as gtag.js puts it for a single event: a blocker (or a test) can match it.
      '&en=' + encodeURIComponent(name);
    var body = 'en=' + encodeURIComponent(name);
    for (var k in params || {}) body += '&' + k + '=' + encodeURIComponent(params[k]);
    navigator.sendBeacon(GA4 + '?' + q, body);
  }
  function meta(event, custom) {
    var url = 'https://www.facebook.com/tr/?id=246810&ev=' + encodeURIComponent(event) + '&dl=' + encodeURIComponent(location.href) + '&ts=' + Date.now();
    for (var k in custom || {}) url += '&cd[' + k + ']=' + encodeURIComponent(custom[k]);
    new Image(1, 1).src = url;
  }
  window.shopTags = { ga4: ga4, meta: meta };
  // Library loads, as the real snippets make them.
  ['https://www.googletagmanager.com/gtag/js?id=G-SHOP123', 'https://connect.facebook.net/en_US/fbevents.js'].forEach(function (src) {
    var s = document.createElement('script');
    s.async = true;
    s.src = src;
    document.head.appendChild(s);
  });
  ga4('page_view');
  meta('PageView');
})();
