// The tags of the panels fixture, in the vendors' documented request formats (GA4 /g/collect, the Meta Pixel's
// /tr image), without the vendors' code. `?collector=URL` sends the purchase to a first-party GA4 collector
// (server-side tagging) at that origin instead: the test answers it and logs what it received.
(function () {
  var GA4 = 'https://region1.google-analytics.com/g/collect';
  var seq = 0;
  function query(name) {
    return 'v=2&tid=G-PANEL1&cid=555.1763884800&sid=1763884800&_p=' + Date.now() + '&_s=' + (++seq) +
      '&dl=' + encodeURIComponent(location.href) + '&dt=' + encodeURIComponent(document.title) + '&en=' + encodeURIComponent(name);
  }
  function ga4(name, params) {
    var body = 'en=' + encodeURIComponent(name);
    for (var k in params || {}) body += '&' + k + '=' + encodeURIComponent(params[k]);
    navigator.sendBeacon(GA4 + '?' + query(name), body);
  }
  function meta(event) {
    new Image(1, 1).src = 'https://www.facebook.com/tr/?id=246810&ev=' + encodeURIComponent(event) + '&dl=' + encodeURIComponent(location.href) + '&ts=' + Date.now();
  }
  function on(id, type, fn) {
    var el = document.getElementById(id);
    if (el) el.addEventListener(type, fn);
  }
  ga4('page_view');
  meta('PageView');
  on('newsletter', 'submit', function (e) {
    e.preventDefault();
    ga4('sign_up', { 'ep.method': 'newsletter' });
  });
  on('add-to-cart', 'click', function () {
    ga4('add_to_cart', { cu: 'EUR', 'epn.value': '19.9', pr1: 'idSKU-1~nmKettle~pr19.9~qt1' });
    meta('AddToCart');
  });
  on('play', 'click', function () {
    void document.getElementById('tour').play();
  });
  on('tour', 'play', function () {
    ga4('video_start', { 'ep.video_title': 'Tour' });
  });
  on('many', 'click', function () {
    for (var i = 0; i < 60; i++) ga4('scroll', { 'epn.n': String(i) });
  });
  var collector = new URLSearchParams(location.search).get('collector');
  on('purchase', 'click', function () {
    var body = 'en=purchase&ep.transaction_id=T-1001&epn.value=31.5&cu=EUR&pr1=idSKU-1~nmKettle~pr31.5~qt1';
    fetch((collector || '') + '/g/collect?' + query('purchase'), { method: 'POST', body: body, mode: 'no-cors', keepalive: true }).catch(function () {});
  });
})();
