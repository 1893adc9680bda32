// The hit-to-screen benchmark's page: GA4 hits to a first-party collector on this host (answered by the test
// server, no routing in the way), each named so the panel's row can be matched to the moment it was sent.
(function () {
  var sent = {};
  var seq = 0;
  function hit(name) {
    var url = '/g/collect?v=2&tid=G-LATENCY&cid=1.2&_s=' + (++seq) + '&en=' + encodeURIComponent(name) + '&r=' + Math.random();
    sent[name] = Date.now();
    navigator.sendBeacon(url, 'en=' + encodeURIComponent(name));
  }
  window.benchSent = sent;
  window.benchHit = hit;
  var noise;
  // A busy page: a steady stream of other hits around the measured ones.
  window.benchNoise = function (perSecond) {
    clearInterval(noise);
    if (perSecond > 0) noise = setInterval(function () { hit('noise_' + seq); }, 1000 / perSecond);
  };
  var params = new URLSearchParams(location.search);
  if (params.has('loading')) {
    var img = new Image();
    img.src = '/slow';
    document.body.appendChild(img);
    // While the page loads: the measured hits, one every 120 ms.
    var n = 0;
    var during = setInterval(function () {
      hit('loading_' + n++);
      if (n >= Number(params.get('loading') || 10)) clearInterval(during);
    }, 120);
  }
})();
