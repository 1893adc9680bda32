// Tag requests of Adobe, Piano, Comscore, Parse.ly, Webtrends, Piwik PRO, Optimizely, mParticle and Split, as their
// libraries send them (documented formats), plus two requests that must not count as hits: an Audience Manager ID
// sync and a Lytics profile fetch.
const PAGE = encodeURIComponent(location.href);

function pixel(url) {
  const img = new Image(1, 1);
  img.src = url;
}

function post(url, body) {
  fetch(url, { method: 'POST', mode: 'no-cors', keepalive: true, body: typeof body === 'string' ? body : JSON.stringify(body) }).catch(() => {});
}

function send() {
  const launch = document.createElement('script');
  launch.src = 'https://assets.adobedtm.com/a1b2c3d4e5f6/0a1b2c3d4e5f/launch-9f8e7d6c5b4a.min.js';
  document.head.appendChild(launch);
  post('https://edge.adobedc.net/ee/v1/interact?configId=ebebf826-a01f-4458-8cec-ef61de241c93&requestId=r1', {
    events: [{ xdm: { eventType: 'web.webpagedetails.pageViews', web: { webPageDetails: { name: 'home', URL: location.href } } } }],
  });
  post('https://acme.tt.omtrdc.net/rest/v1/delivery?client=acme&sessionId=s1&version=2.11.4', {
    context: { channel: 'web', address: { url: location.href } }, execute: { pageLoad: {} },
  });
  post('https://abcdefg.pa-cd.com/event?s=612345&idclient=v1', { events: [{ name: 'page.display', data: { page: 'home' } }] });
  pixel('https://sb.scorecardresearch.com/b?c1=2&c2=1234567&cv=4.4.0&c7=' + PAGE);
  pixel('https://p1.parsely.com/px/?idsite=shop.example&action=pageview&url=' + PAGE);
  pixel('https://statse.webtrendslive.com/dcs222abcdefghijk0123456789_1a2b/dcs.gif?dcssip=localhost&dcsuri=%2Fvendors-a.html&WT.dl=0&WT.ti=Fixture');
  pixel('https://acme.piwik.pro/ppms.php?idsite=0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d&rec=1&action_name=Fixture&url=' + PAGE);
  navigator.sendBeacon('https://logx.optimizely.com/v1/events', JSON.stringify({
    account_id: '8504447126', project_id: '8504447126001', client_name: 'js',
    visitors: [{ visitor_id: 'oeu1', snapshots: [{ decisions: [{ campaign_id: '20000001', experiment_id: '20000002', variation_id: '20000003' }], events: [{ entity_id: '20000001', type: 'campaign_activated', uuid: 'e1' }] }] }],
  }));
  post('https://jssdks.mparticle.com/v3/JS/us1-0123456789abcdef0123456789abcdef/events', {
    events: [{ event_type: 'custom_event', data: { event_name: 'Newsletter Signup', custom_attributes: { placement: 'footer' } } }],
  });
  post('https://events.split.io/api/testImpressions/bulk', [{ f: 'new_checkout', i: [{ k: 'user-42', t: 'on', m: Date.now() }] }]);
  // Not hits: an ID sync and a personalisation profile fetch.
  pixel('https://dpm.demdex.net/ibs:dpid=411&dpuuid=Xyz123');
  fetch('https://api.lytics.io/api/entity/user/_uids/u-1?fields=segments', { mode: 'no-cors' }).catch(() => {});
}

document.getElementById('send').addEventListener('click', send);
