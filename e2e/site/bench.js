// The hits a tagged product page sends once loaded.
const dl = encodeURIComponent(location.href);
navigator.sendBeacon('https://region1.google-analytics.com/g/collect?v=2&tid=G-BENCH1&cid=1.2&dl=' + dl, 'en=page_view\nen=view_item&cu=EUR&epn.value=12&pr1=idSKU-1~nmMug');
new Image().src = 'https://www.facebook.com/tr/?id=1234567890&ev=PageView&dl=' + dl + '&r=' + Math.random();
new Image().src = 'https://www.facebook.com/tr/?id=1234567890&ev=ViewContent&dl=' + dl + '&r=' + Math.random();
new Image().src = 'https://px.ads.linkedin.com/collect/?pid=54321&fmt=gif&url=' + dl + '&r=' + Math.random();
for (let i = 0; i < 30; i++) document.querySelector('main').append(Object.assign(document.createElement('p'), { textContent: 'Paragraph ' + i + ' of the long description.' }));
