// Tags that each read the TC string the way their vendor does, some right and some not, once the CMP has answered
// (tags wait for the CMP's tcloaded event; a second is plenty for the stand-in above):
// - Google Ads (vendor 755, consented) sends its conversion: respected;
// - the Meta pixel (no IAB vendor id; purposes 1–4 and 7 allowed) sends PageView: respected;
// - Criteo (vendor 91, not consented) sends its home-page view: named as a vendor without consent;
// - Mixpanel (measurement, purpose 8 not allowed) sends a page view: named with the refused purpose.
window.__tcfapi('addEventListener', 2, function (tcData, ok) {
  if (!ok || tcData.eventStatus !== 'tcloaded') return;
  setTimeout(function () {
    var here = encodeURIComponent(location.href);
    new Image().src = 'https://www.googleadservices.com/pagead/conversion/987654321/?label=AbCdEfGh&value=12&currency_code=EUR&url=' + here + '&gdpr=1&gdpr_consent=' + tcData.tcString;
    new Image().src = 'https://www.facebook.com/tr/?id=314159&ev=PageView&dl=' + here + '&ts=' + Date.now();
    new Image().src = 'https://sslwidget.criteo.com/event?a=24680&v=5.23.0&p0=' + encodeURIComponent('e=vh') + '&tld=localhost&fu=' + here;
    fetch('https://api-js.mixpanel.com/track/?verbose=1&ip=1', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'data=' + encodeURIComponent(JSON.stringify([{ event: '$mp_web_page_view', properties: { token: 'mp-token-1', distinct_id: 'd1', $current_url: location.href } }])),
    });
  }, 1200);
});
