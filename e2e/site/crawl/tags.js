// Stand-ins for gtag.js and the Meta Pixel on the crawl fixture site: the vendors' documented request formats,
// with fixed client and session ids and no timestamps, so two loads of a page send the same hits (the HAR test
// compares a recorded load with a live one). The script tag says which vendors the page has:
// <script src="/tags.js" data-ga4="G-CRAWL01" data-meta="135790">; without an attribute the vendor is absent.
(function () {
  var me = document.currentScript;
  var GA4_ID = me && me.getAttribute('data-ga4');
  var META_ID = me && me.getAttribute('data-meta');
  var seq = 0;
  function ga4(name, params) {
    if (!GA4_ID) return;
    var q = 'v=2&tid=' + GA4_ID + '&gtm=45je&cid=555.1700000000&sid=1700000000&sct=1&_s=' + (++seq) +
      '&dl=' + encodeURIComponent(location.href) + '&dt=' + encodeURIComponent(document.title) + '&en=' + encodeURIComponent(name);
    var body = 'en=' + encodeURIComponent(name);
    for (var k in params || {}) body += '&' + k + '=' + encodeURIComponent(params[k]);
    navigator.sendBeacon('https://region1.google-analytics.com/g/collect?' + q, body);
  }
  function meta(event, custom) {
    if (!META_ID) return;
    var url = 'https://www.facebook.com/tr/?id=' + META_ID + '&ev=' + encodeURIComponent(event) + '&dl=' + encodeURIComponent(location.href);
    for (var k in custom || {}) url += '&cd[' + k + ']=' + encodeURIComponent(custom[k]);
    new Image(1, 1).src = url;
  }
  window.siteTags = { ga4: ga4, meta: meta };
  window.dataLayer = window.dataLayer || [];
  ga4('page_view');
  meta('PageView');
})();
