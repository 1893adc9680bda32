// The page shares window.postMessage with the extension's page hooks, so it can forge their messages; and it
// does odd things to its own dataLayer. None of it may break the page or the extension.
var KEY = '__tagwatch_signal__';

document.getElementById('buy').addEventListener('click', function () {
  document.getElementById('status').textContent = 'Bought';
});

/** A forged dataLayer event, in the exact form the hooks post theirs (a list of one task's signals). */
function forgedEvent(n) {
  return { __tagwatch_signal__: [{ kind: 'datalayer', source: 'dataLayer', event: 'forged_event', data: '{"n":' + n + '}', at: Date.now() }] };
}

/** Messages the content script must refuse without a hiccup. */
function malformed() {
  var cyclic = { kind: 'datalayer', source: 'dataLayer', event: 'forged_event', at: Date.now() };
  cyclic.self = cyclic;
  var deep = {};
  for (var d = 0, cur = deep; d < 1000; d++) cur = cur.next = {};
  var out = [
    null, 42, 'string', [KEY], { __tagwatch_signal__: null }, { __tagwatch_signal__: 'datalayer' },
    { __tagwatch_signal__: { kind: 'datalayer' } },
    { __tagwatch_signal__: { kind: 'datalayer', source: 'dataLayer', event: 7, at: Date.now() } },
    { __tagwatch_signal__: { kind: 'datalayer', source: 'not-a-source', event: 'forged_event', at: Date.now() } },
    { __tagwatch_signal__: { kind: 'datalayer', source: 'dataLayer', event: 'forged_event', at: Infinity } },
    { __tagwatch_signal__: { kind: 'unknown', at: Date.now() } },
    { __tagwatch_signal__: { kind: 'consent', source: 'tcf', adStorage: 'maybe', at: Date.now() } },
    { __tagwatch_signal__: { kind: 'request', api: 'beacon', url: 42, method: 'POST', body: '', at: Date.now() } },
    { __tagwatch_signal__: { kind: 'history', url: { toString: null }, at: Date.now() } },
    { __tagwatch_signal__: cyclic },
    { __tagwatch_signal__: { kind: 'datalayer', source: 'dataLayer', event: 'forged_event', at: Date.now(), data: deep } },
    { __tagwatch_signal__: new Array(100000).fill(KEY) },
    new ArrayBuffer(1024 * 1024),
  ];
  // The same, in the list form the hooks use.
  out.slice(4, 16).forEach(function (m) {
    if (m && typeof m === 'object' && KEY in m) out.push({ __tagwatch_signal__: [m[KEY]] });
  });
  // Huge: over every cap the content script has.
  var big = new Array(8 * 1024 * 1024 + 1).join('x');
  out.push({ __tagwatch_signal__: [{ kind: 'datalayer', source: 'dataLayer', event: big, at: Date.now() }] });
  out.push({ __tagwatch_signal__: [{ kind: 'request', api: 'beacon', url: 'https://www.google-analytics.com/g/collect?v=2&tid=G-FORGED&en=purchase', method: 'POST', body: big, at: Date.now() }] });
  out.push({ __tagwatch_signal__: [{ kind: 'history', url: big, at: Date.now() }] });
  return out;
}

/** Forged messages for `ms` milliseconds, as fast as the page can post them. */
// Floods for at least `ms` and at least `min` messages: a busy machine still gets the full volume.
window.floodForgedSignals = function (ms, min) {
  return new Promise(function (done) {
    var start = Date.now();
    var sent = 0;
    malformed().forEach(function (m) { window.postMessage(m, '*'); sent++; });
    // A forged route change: the content script checks it against the real location and ignores it.
    window.postMessage({ __tagwatch_signal__: [{ kind: 'history', url: 'https://evil.example/checkout', at: Date.now() }] }, '*');
    (function tick() {
      for (var i = 0; i < 250; i++) {
        window.postMessage(forgedEvent(sent), '*');
        sent++;
      }
      if (Date.now() - start < ms || sent < (min || 0)) setTimeout(tick, 0);
      else done({ sent: sent, ms: Date.now() - start });
    })();
  });
};

/** A huge object and a cyclic one pushed to the dataLayer; then the page goes on computing. */
window.pushMonsters = function () {
  var cyclic = { event: 'cyclic_event', ecommerce: { items: [] } };
  cyclic.ecommerce.items.push(cyclic);
  cyclic.self = cyclic;
  var items = [];
  for (var i = 0; i < 200000; i++) items.push({ item_id: 'SKU-' + i, price: i % 100 });
  var huge = { event: 'huge_event', blob: new Array(4 * 1024 * 1024 + 1).join('y'), ecommerce: { items: items } };
  var angry = { event: 'angry_event' };
  Object.defineProperty(angry, 'boom', { enumerable: true, get: function () { throw new Error('no reading me'); } });
  var lengths = [dataLayer.push(cyclic), dataLayer.push(huge), dataLayer.push(angry)];
  var total = 0;
  for (var j = 0; j < items.length; j++) total += items[j].price;
  return { lengths: lengths, total: total, stillCyclic: cyclic.self === cyclic && cyclic.ecommerce.items[0] === cyclic, blobLength: huge.blob.length };
};

/** A page's own push that does not call Array.prototype.push at all, with its own return value. */
window.ownPush = function () {
  window.ownPushCalls = [];
  dataLayer.push = function (item) {
    window.ownPushCalls.push(item && item.event);
    return 'queued by the page';
  };
  return dataLayer.push({ event: 'own_push_event' });
};

/** Odd things real pages do to arrays and to window.dataLayer. Returns what threw (nothing may). */
window.tamper = function () {
  var errors = [];
  var results = {};
  function attempt(name, fn) {
    try {
      results[name] = fn();
    } catch (e) {
      errors.push(name + ': ' + e);
    }
  }
  attempt('patchArrayPush', function () {
    var original = Array.prototype.push;
    window.protoPushes = 0;
    Array.prototype.push = function () {
      window.protoPushes++;
      return original.apply(this, arguments);
    };
    var length = dataLayer.push({ event: 'proto_patched_event' });
    var plain = [1, 2];
    plain.push(3);
    Array.prototype.push = original;
    return { length: length, protoPushes: window.protoPushes, plain: plain.length };
  });
  attempt('defineValue', function () {
    Object.defineProperty(window, 'dataLayer', { value: [{ event: 'defined_value_event' }], writable: true, configurable: true, enumerable: true });
    return dataLayer.push({ event: 'after_define_value' });
  });
  attempt('defineAccessor', function () {
    var store = [];
    Object.defineProperty(window, 'dataLayer', { get: function () { return store; }, set: function (v) { store = v; }, configurable: true });
    window.dataLayer = [{ event: 'assigned_after_accessor' }];
    return dataLayer.push({ event: 'after_define_accessor' });
  });
  attempt('oddPrototype', function () {
    var layer = [];
    Object.setPrototypeOf(layer, Object.create(Array.prototype));
    window.dataLayer = layer;
    return dataLayer.push({ event: 'odd_prototype_event' });
  });
  return { errors: errors, results: results };
};
