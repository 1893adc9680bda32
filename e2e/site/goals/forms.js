// The page's own form handling, as a real site writes it.

// The account form posts with fetch and stays on the page.
document.getElementById('signup').addEventListener('submit', function (e) {
  e.preventDefault();
  var form = this;
  fetch(form.action, { method: 'POST', body: new FormData(form) }).then(function (res) {
    document.getElementById('signup-status').textContent = res.ok ? 'Account created' : 'Something went wrong';
  });
});

// A newsletter widget in an open shadow root, as embeddable widgets ship it.
class NewsletterWidget extends HTMLElement {
  connectedCallback() {
    var root = this.attachShadow({ mode: 'open' });
    root.innerHTML =
      '<style>form { display: flex; gap: 8px }</style>' +
      '<form id="footer-signup" class="widget-form" action="/api/widget-subscribe" method="post">' +
      '  <input type="email" name="email" placeholder="you@example.com" aria-label="Email" />' +
      '  <button type="submit">Join</button>' +
      '</form>' +
      '<p class="done" hidden>Subscribed!</p>';
    var form = root.getElementById('footer-signup');
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      fetch(form.action, { method: 'POST', body: new FormData(form) }).then(function () {
        root.querySelector('.done').hidden = false;
      });
    });
  }
}
customElements.define('newsletter-widget', NewsletterWidget);
