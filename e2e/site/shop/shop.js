// The shop's own tracking code: some goals tagged right, some not — the demo is what an audit finds.
var tags = window.shopTags;

// Newsletter: tagged correctly in both GA4 and Meta.
document.getElementById('newsletter').addEventListener('submit', function (e) {
  e.preventDefault();
  tags.ga4('generate_lead', { 'ep.form_id': 'newsletter' });
  tags.meta('Lead', { content_name: 'Newsletter' });
  fetch(this.action, { method: 'POST', body: new FormData(this) });
  this.replaceWith(Object.assign(document.createElement('p'), { id: 'subscribed', textContent: 'Thanks for subscribing!' }));
});

// Add to cart: GA4 only — the Meta AddToCart event was forgotten.
document.getElementById('add-to-cart').addEventListener('click', function () {
  dataLayer.push({ event: 'add_to_cart', ecommerce: { currency: 'EUR', value: 19.9, items: [{ item_id: 'MUG-1' }] } });
  tags.ga4('add_to_cart', { cu: 'EUR', 'epn.value': '19.90', pr1: 'idMUG-1~nmEveryday Mug~pr19.90~qt1' });
});

// Download: the GA4 file_download hit is sent (an ad blocker may stop it).
document.getElementById('care-guide').addEventListener('click', function (e) {
  e.preventDefault();
  tags.ga4('file_download', { 'ep.file_name': 'care-guide.pdf', 'ep.file_extension': 'pdf', 'ep.link_url': this.href });
});

// Contact: tagged, but the visitor's email address is sent to Google in a parameter.
document.getElementById('contact').addEventListener('submit', function (e) {
  e.preventDefault();
  var email = this.elements.email.value;
  tags.ga4('generate_lead', { 'ep.form_id': 'contact', 'ep.user_email': email });
  tags.meta('Contact');
  document.getElementById('contact').replaceWith(Object.assign(document.createElement('p'), { textContent: 'We will call you back.' }));
});

// Purchase: the order is reported twice (a double-firing trigger), so GA4 counts the revenue twice.
document.getElementById('place-order').addEventListener('click', function () {
  var order = { transaction_id: 'T-1001', currency: 'EUR', value: 19.9 };
  dataLayer.push({ event: 'purchase', ecommerce: order });
  var params = { cu: 'EUR', 'epn.value': '19.90', 'ep.transaction_id': 'T-1001', pr1: 'idMUG-1~nmEveryday Mug~pr19.90~qt1' };
  tags.ga4('purchase', params);
  tags.ga4('purchase', params);
  tags.meta('Purchase', { value: '19.90', currency: 'EUR' });
  document.getElementById('order-status').textContent = 'Order T-1001 placed.';
});
