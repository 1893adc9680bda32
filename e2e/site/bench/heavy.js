// The hits a heavily tagged product page sends while it loads: 22 tag requests here (23 hits) beside the 5 tag
// libraries of the head, and 5 more from the two frames — 32 tag requests in all,
// written from the vendors' documented request formats.
(function () {
  var dl = encodeURIComponent(location.href);
  var dt = encodeURIComponent(document.title);
  var now = Date.now();
  var img = function (src) { new Image(1, 1).src = src; };
  // GA4: page_view and view_item in one batched beacon, then four single events.
  var ga4 = 'https://region1.google-analytics.com/g/collect?v=2&tid=G-HEAVY01&gtm=45je&cid=777.1763884800&sid=1763884800&sct=1&dl=' + dl + '&dt=' + dt;
  navigator.sendBeacon(ga4 + '&_s=1', 'en=page_view\nen=view_item&cu=EUR&epn.value=49&pr1=idKTL-1~nmKettle');
  ['scroll', 'user_engagement', 'view_promotion', 'view_item_list'].forEach(function (en, i) {
    navigator.sendBeacon(ga4 + '&_s=' + (i + 2) + '&en=' + en, 'en=' + en);
  });
  // The same property through the site's own server-side container: a first-party collector.
  navigator.sendBeacon('/g/collect?v=2&tid=G-HEAVY01&cid=777.1763884800&en=page_view&dl=' + dl, '');
  // Meta Pixel: PageView, ViewContent and two custom events.
  ['PageView', 'ViewContent', 'ScrollDepth', 'VideoView'].forEach(function (ev) {
    img('https://www.facebook.com/tr/?id=1357924680&ev=' + ev + '&dl=' + dl + '&ts=' + now + '&cd[content_ids]=KTL-1');
  });
  // LinkedIn Insight Tag.
  img('https://px.ads.linkedin.com/collect/?pid=1320713&fmt=gif&time=' + now + '&url=' + dl + '&v=2');
  img('https://px.ads.linkedin.com/collect/?pid=1320713&conversionId=9876&fmt=gif&time=' + now + '&url=' + dl + '&v=2');
  // Microsoft UET.
  img('https://bat.bing.com/action/0?ti=343102454&Ver=2&mid=02fc8be7&evt=pageLoad&p=' + dl + '&tl=' + dt + '&rn=' + now);
  img('https://bat.bing.com/action/0?ti=343102454&Ver=2&mid=02fc8be7&evt=custom&ea=view_item&ev=49&p=' + dl + '&rn=' + (now + 1));
  // Google Ads remarketing and a conversion.
  img('https://googleads.g.doubleclick.net/pagead/viewthroughconversion/123456789/?random=' + now + '&cv=11&fst=' + now + '&url=' + dl);
  img('https://www.googleadservices.com/pagead/conversion/123456789/?label=AbC-D_efG&value=49&currency_code=EUR&guid=ON&script=0');
  // Reddit, Pinterest, Snap.
  img('https://alb.reddit.com/rp.gif?ts=' + now + '&id=t2_2n40s6z5&event=PageVisit&uuid=2bc44b75&integration=reddit&v=rdt_00917691');
  img('https://alb.reddit.com/rp.gif?ts=' + now + '&id=t2_2n40s6z5&event=ViewContent&uuid=2bc44b75&integration=reddit&v=rdt_00917691');
  img('https://ct.pinterest.com/v3/?event=pagevisit&tid=2612345678901&noscript=1');
  img('https://ct.pinterest.com/v3/?event=viewcategory&tid=2612345678901&noscript=1');
  img('https://tr.snapchat.com/p?pid=87a3b2c4-9e1f-4d2a-b6c7-1234567890ab&ev=PAGE_VIEW&pl=' + dl + '&ts=' + now + '&v=1.5');
  // X (Twitter) page view.
  img('https://t.co/1/i/adsct?bci=4&eci=3&event=%7B%7D&event_id=7fd5013b&integration=gtm&p_id=Twitter&p_user_id=0&tw_document_href=' + dl + '&txn_id=o7z1d&type=javascript&version=2.3.35');
  // A page body to scroll, as product pages have.
  var main = document.querySelector('main');
  for (var i = 0; i < 60; i++) main.append(Object.assign(document.createElement('p'), { textContent: 'Paragraph ' + i + ' of the long description.' }));
  // The chat widget comes from the other origin (a cross-origin frame, as third-party widgets are).
  var other = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  document.getElementById('chat-widget').src = location.protocol + '//' + other + ':' + location.port + '/bench/heavy-frame.html?widget=chat';
})();
