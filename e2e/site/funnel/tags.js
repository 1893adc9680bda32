// The funnel shop's tags: GA4 hits in gtag.js's documented /g/collect format (no vendor code: the fixture must not
// depend on the internet). Each page says which event it sends on load in data-ga4-event on <body>; the checkout
// page forgets its begin_checkout, the step whose tag is missing.
(function () {
  var GA4 = 'https://region1.google-analytics.com/g/collect';
  var seq = 0;
  function ga4(name, params) {
    var q =
      'v=2&tid=G-FUNNEL1&gtm=45je&cid=777.1763884800&sid=1763884800&sct=1&_p=' + Date.now() + '&_s=' + ++seq +
      '&dl=' + encodeURIComponent(location.href) + '&dt=' + encodeURIComponent(document.title) +
      '&en=' + encodeURIComponent(name);
    var body = 'en=' + encodeURIComponent(name);
    for (var k in params || {}) body += '&' + k + '=' + encodeURIComponent(params[k]);
    navigator.sendBeacon(GA4 + '?' + q, body);
  }
  window.funnelTags = { ga4: ga4 };
  ga4('page_view');
  var onLoad = document.body.getAttribute('data-ga4-event');
  if (onLoad) ga4(onLoad, { currency: 'EUR', value: '24.00' });
  var add = document.getElementById('add-to-cart');
  if (add)
    add.addEventListener('click', function () {
      ga4('add_to_cart', { currency: 'EUR', value: '24.00' });
    });
})();
