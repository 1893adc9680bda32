// The floor any webRequest-based tool pays: the listener, with request bodies, on every URL.
chrome.webRequest.onBeforeRequest.addListener(() => undefined, { urls: ['<all_urls>'] }, ['requestBody']);
