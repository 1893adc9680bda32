// The page's own behaviour: links that would leave the page (a download, another site) are kept here so the
// test browser stays put; the extension hears the click all the same.
var other = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
document.getElementById('partner').href = location.protocol + '//' + other + ':' + location.port + '/goals/partner.html?ref=kettle';

document.addEventListener('click', function (e) {
  var a = e.target.closest('a');
  if (a && a.id !== 'faq') e.preventDefault();
});

document.querySelector('.add-to-cart').addEventListener('click', function () {
  document.getElementById('cart-status').textContent = 'Added to cart';
});
