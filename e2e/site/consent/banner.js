// Three tags that behave as real ones do on a consent-gated page:
// - Google Analytics honours Consent Mode: cookieless pings while denied (gcs=G100), a cookie and G111 once granted;
// - the Meta pixel ignores the banner: PageView and its _fbp cookie at load, ViewContent after any answer;
// - Hotjar (a session recorder) ignores it too: a visit at load, a visit and its _hjSessionUser cookie after the answer.
(function () {
  var GA4 = 'https://region1.google-analytics.com/g/collect?v=2&tid=G-CONSENT1&_p=1&dl=' + encodeURIComponent(location.href);
  var HOTJAR = 'https://in.hotjar.com/api/v2/client/sites/3141592/visit-data?sv=6';
  var YEAR = 31536000;
  var granted = false;

  function ga4(event) {
    // gcs: G1 + ad_storage + analytics_storage. gcd: the default (denied: p) and the update (q denied, r granted).
    var gcs = granted ? 'G111' : 'G100';
    var letter = answered === undefined ? 'p' : granted ? 'r' : 'q';
    var cid = granted ? '&cid=555.1763884800' : '';
    navigator.sendBeacon(GA4 + cid + '&gcs=' + gcs + '&gcd=13' + letter + '3' + letter + '3' + letter + '3' + letter + '5l1&en=' + event + '&_s=' + Date.now(), '');
  }
  function meta(event) {
    new Image().src = 'https://www.facebook.com/tr/?id=271828&ev=' + event + '&dl=' + encodeURIComponent(location.href) + '&ts=' + Date.now();
  }
  function hotjar() {
    fetch(HOTJAR, { method: 'POST', body: JSON.stringify({ user_id: 'a1b2c3', is_vpv: false, r_value: 1 }), keepalive: true });
  }
  function cookie(name, value, maxAge) {
    document.cookie = name + '=' + value + '; path=/; max-age=' + maxAge;
  }

  var answered;
  ga4('page_view');
  meta('PageView');
  cookie('_fbp', 'fb.1.' + Date.now() + '.1234567890', 90 * 24 * 3600);
  hotjar();

  function answer(choice) {
    answered = choice;
    granted = choice === 'accept';
    var state = granted ? 'granted' : 'denied';
    gtag('consent', 'update', { ad_storage: state, analytics_storage: state, ad_user_data: state, ad_personalization: state });
    document.getElementById('onetrust-banner-sdk').hidden = true;
    // A moment later, as tags do once the update has gone through.
    setTimeout(function () {
      if (granted) cookie('_ga', 'GA1.1.555.1763884800', 2 * YEAR);
      ga4('scroll');
      meta('ViewContent');
      cookie('_hjSessionUser_3141592', 'eyJpZCI6IjEifQ', YEAR);
      hotjar();
    }, 200);
  }
  document.getElementById('onetrust-accept-btn-handler').addEventListener('click', function () { answer('accept'); });
  document.getElementById('onetrust-reject-all-handler').addEventListener('click', function () { answer('reject'); });
})();
