// What gtag.js sends when its transport_url is a server-side container: the GA4 Measurement Protocol (v=2) on the
// container's first-party host. A single event is a sendBeacon of the URL alone, no body; events sent together are
// one POST whose body has a line per event. (The library itself is answered empty by the test, so this file sends
// them the way the library does.)
(function () {
  var COLLECT = 'https://sst.shop.example/g/collect';
  var common = 'v=2&tid=G-SST123&gtm=45je5ca1&_p=' + Date.now() + '&cid=1234567890.1700000000&sid=1700000000&sct=1&seg=1' +
    '&dl=' + encodeURIComponent(location.href) + '&dt=' + encodeURIComponent(document.title);
  navigator.sendBeacon(COLLECT + '?' + common + '&en=page_view&_s=1');
  document.getElementById('newsletter').addEventListener('submit', function (event) {
    event.preventDefault();
    navigator.sendBeacon(COLLECT + '?' + common + '&en=sign_up&_s=2&ep.method=newsletter');
    // Two events batched in one request: the URL carries what they share, the body a line each.
    navigator.sendBeacon(COLLECT + '?' + common + '&_s=3', 'en=generate_lead&ep.form_id=newsletter\r\nen=user_engagement&_et=1500');
    document.getElementById('done').hidden = false;
  });
})();
