// Splitline service worker: keeps the app shell so Splitline opens on a bad connection.
//
// Navigations go to the network first (with a short timeout) so a new deploy is picked
// up at once; the cached page is only a fallback, so stale code is never served while
// the network works. Every successful navigation re-reads index.html, caches the hashed
// files it names and drops the ones it no longer names, so the cache tracks the deploy.
// Bump VERSION only when this file's logic changes.
const VERSION = 1;
const CACHE = `splitline-shell-v${VERSION}`;
const NETWORK_TIMEOUT_MS = 4000;
const SCOPE = new URL(self.registration.scope);
const INDEX = new URL('./', SCOPE).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    fetch(INDEX, { cache: 'no-cache' })
      .then((response) => (response.ok ? remember(response) : undefined))
      .catch(() => undefined)
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith('splitline-shell-') && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== SCOPE.origin || !url.href.startsWith(SCOPE.href)) return;
  if (request.mode === 'navigate') {
    event.respondWith(navigate(event));
  } else {
    event.respondWith(asset(request));
  }
});

async function navigate(event) {
  const cache = await caches.open(CACHE);
  const network = fetch(event.request, { cache: 'no-cache' }).then((response) => {
    if (response.ok) event.waitUntil(remember(response.clone()));
    return response;
  });
  const timeout = new Promise((resolve) => setTimeout(resolve, NETWORK_TIMEOUT_MS));
  try {
    const first = await Promise.race([network, timeout]);
    if (first) return first;
  } catch {
    // Offline: fall through to the cached page.
  }
  const cached = await cache.match(INDEX);
  return cached ?? network;
}

async function asset(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
  return response;
}

// Caches index.html and every same-scope file it names, and forgets files it no longer names.
async function remember(response) {
  const cache = await caches.open(CACHE);
  const html = await response.clone().text();
  await cache.put(INDEX, response);
  const wanted = new Set([INDEX]);
  for (const match of html.matchAll(/(?:src|href|data-js|data-wasm)="([^"]+)"/g)) {
    const url = new URL(match[1], INDEX);
    if (url.href.startsWith(SCOPE.href)) wanted.add(url.href);
  }
  for (const url of wanted) {
    if (url !== INDEX && !(await cache.match(url))) {
      try {
        await cache.add(url);
      } catch {
        // A missing file must not stop the others from being cached.
      }
    }
  }
  for (const request of await cache.keys()) {
    if (!wanted.has(request.url)) await cache.delete(request);
  }
}
