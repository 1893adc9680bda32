// A tiny client-side router: links change the URL with history.pushState and render without a reload.
document.addEventListener('click', function (e) {
  var a = e.target.closest('a[data-route]');
  if (!a) return;
  e.preventDefault();
  history.pushState({}, '', a.getAttribute('href'));
  document.getElementById('view').textContent = 'Route ' + location.pathname;
});
window.addEventListener('popstate', function () {
  document.getElementById('view').textContent = 'Route ' + location.pathname;
});
