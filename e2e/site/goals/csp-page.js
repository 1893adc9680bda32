document.getElementById('quote').addEventListener('submit', function (e) {
  e.preventDefault();
  var form = this;
  window.dataLayer.push({ event: 'quote_requested' });
  fetch(form.action, { method: 'POST', body: new FormData(form) }).then(function (res) {
    document.getElementById('quote-status').textContent = res.ok ? 'Quote on its way' : 'Failed';
  });
});
