// The studio's own tags, written as gtag.js and the Meta Pixel send them (GA4 Measurement Protocol v2 over
// sendBeacon; Meta's /tr image pixel), without the vendors' code: the fixture must not depend on the internet.
(function () {
  var seq = 0;
  function ga4(name, params) {
    var url = 'https://region1.google-analytics.com/g/collect?v=2&tid=G-STUDIO1&cid=777.1763884800&sid=1763884800&_s=' + (++seq) +
      '&dl=' + encodeURIComponent(location.href) + '&dt=' + encodeURIComponent(document.title) + '&en=' + encodeURIComponent(name);
    var body = 'en=' + encodeURIComponent(name);
    for (var k in params || {}) body += '&' + k + '=' + encodeURIComponent(params[k]);
    navigator.sendBeacon(url, body);
  }
  function meta(event, custom) {
    var url = 'https://www.facebook.com/tr/?id=135791&ev=' + encodeURIComponent(event) + '&dl=' + encodeURIComponent(location.href) + '&ts=' + Date.now();
    for (var k in custom || {}) url += '&cd[' + k + ']=' + encodeURIComponent(custom[k]);
    new Image(1, 1).src = url;
  }
  ga4('page_view');
  meta('PageView');

  function thanks(form, text) {
    form.replaceWith(Object.assign(document.createElement('p'), { className: 'thanks', textContent: text }));
  }
  document.getElementById('signup').addEventListener('submit', function (e) {
    e.preventDefault();
    ga4('generate_lead', { 'ep.form_id': 'signup' });
    meta('Lead', { content_name: 'Newsletter' });
    thanks(this, 'Thanks, you are on the list.');
  });
  document.getElementById('enquiry').addEventListener('submit', function (e) {
    e.preventDefault();
    ga4('generate_lead', { 'ep.form_id': 'enquiry' });
    meta('Contact');
    thanks(this, 'Thanks, we will call you.');
  });
})();
