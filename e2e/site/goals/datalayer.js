// The site's own code. Each button does what a real site's tag setup does.
function on(id, fn) {
  document.getElementById(id).addEventListener('click', fn);
}
var log = document.getElementById('log');

on('add-to-cart', function () {
  dataLayer.push({ event: 'add_to_cart', ecommerce: { currency: 'EUR', value: 39, items: [{ item_id: 'KET-1' }] } });
});
on('lead', function () {
  gtag('event', 'generate_lead', { form_id: 'quote' });
});
on('fb-lead', function () {
  fbq('track', 'Lead', { content_name: 'Contact' });
});

// What GTM does when it loads: keep the current push, install its own that calls it and then processes the item.
on('gtm-boot', function () {
  var layer = window.dataLayer;
  var previous = layer.push;
  window.gtmProcessed = [];
  layer.push = function () {
    var items = [].slice.call(arguments, 0);
    var result = previous.apply(layer, items);
    items.forEach(function (item) { if (item && item.event) window.gtmProcessed.push(item.event); });
    return result;
  };
  log.textContent = 'GTM ready';
});
on('gtm-push', function () {
  window.gtmPushResult = dataLayer.push({ event: 'begin_checkout' });
});

// A single-page app that starts over with a new array (a logout, a re-render of the tag setup).
on('replace-layer', function () {
  window.dataLayer = [{ event: 'layer_reset' }];
});
on('after-replace', function () {
  dataLayer.push({ event: 'select_plan', plan: 'pro' });
});
