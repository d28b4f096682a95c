// Splitline service worker: keeps every file of the app so Splitline opens, and every tool
// loads, on a bad connection or none.
//
// Each build names its files with one build id (scripts/post-build.mjs), and this worker
// keeps each build in a cache of its own: index.html plus every file it names, the wasm
// chunks of all three tools included. A page only ever asks for files of its own build,
// so two builds never mix. The newest two builds are kept: a tab opened before a deploy
// can still load the chunks of its build after the deploy.
//
// Navigations go to the network first (with a short timeout) so a new deploy is picked
// up at once; a cached page is only a fallback. Bump VERSION when this file's logic changes.
const VERSION = 3;
const OURS = `splitline-v${VERSION}-`;
const PREFIX = `${OURS}build-`;
const SEEN = `${OURS}seen`;
const KEEP_BUILDS = 2;
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
        // Caches of older versions of this worker.
        if (key.startsWith('splitline-') && !key.startsWith(OURS)) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== SCOPE.origin || !url.href.startsWith(SCOPE.href)) return;
  // Only the app's own page is a page to remember: opening favicon.svg or a missing path
  // in a tab must never be stored as, or answered with, the cached index.
  if (request.mode === 'navigate' && isAppPage(url)) {
    event.respondWith(navigate(event));
  } else {
    event.respondWith(asset(request));
  }
});

function isAppPage(url) {
  return url.pathname === SCOPE.pathname || url.pathname === `${SCOPE.pathname}index.html`;
}

async function navigate(event) {
  const network = fetch(event.request, { cache: 'no-cache' });
  // Extended now, while the event is live: when the timeout wins, the page is answered
  // from the cache and the network's answer is still remembered when it comes.
  event.waitUntil(
    network
      .then((response) => (response.ok ? remember(response.clone()) : undefined))
      .catch(() => undefined),
  );
  const timeout = new Promise((resolve) => setTimeout(resolve, NETWORK_TIMEOUT_MS));
  try {
    const first = await Promise.race([network, timeout]);
    if (first) return first;
  } catch {
    // Offline: fall through to the cached page.
  }
  const newest = await newestBuild();
  const cached = newest && (await (await caches.open(newest)).match(INDEX));
  return cached ?? network;
}

// Files are named with the build id (boot.js too), so any build's copy of a name is the
// right file.
async function asset(request) {
  const cached = await caches.match(request, { ignoreSearch: true });
  if (cached) return cached;
  return fetch(request);
}

// Stores this build's index.html and every file it names, then forgets all but the
// newest KEEP_BUILDS builds.
async function remember(response) {
  const html = await response.clone().text();
  const build = html.match(/data-build="([0-9a-f]+)"/)?.[1];
  if (!build) return;
  const cache = await caches.open(PREFIX + build);
  const wanted = new Set();
  for (const match of html.matchAll(/(?:src|href|data-js|data-wasm|data-loader|data-copies)="([^"]+)"/g)) wanted.add(match[1]);
  const chunks = html.match(/data-chunks="([^"]*)"/)?.[1] ?? '';
  const jsUrl = html.match(/data-js="([^"]+)"/)?.[1];
  for (const chunk of chunks.split(' ').filter(Boolean)) wanted.add(new URL(chunk, new URL(jsUrl ?? './', INDEX)).href);
  for (const name of wanted) {
    const url = new URL(name, INDEX);
    if (!url.href.startsWith(SCOPE.href) || (await cache.match(url.href))) continue;
    try {
      await cache.add(url.href);
    } catch {
      // A missing file must not stop the others from being cached.
    }
  }
  // The page last, so a cache with a page is a complete build.
  await cache.put(INDEX, response);
  await stamp(build);
  const builds = await buildsNewestFirst();
  const meta = await caches.open(SEEN);
  for (const old of builds.slice(KEEP_BUILDS)) {
    await caches.delete(old);
    await meta.delete(`${SCOPE.href}__build/${old.slice(PREFIX.length)}`);
  }
}

// When each build was last seen, so "newest" means newest deployed, not newest id.
async function stamp(build) {
  const meta = await caches.open(SEEN);
  await meta.put(new Request(`${SCOPE.href}__build/${build}`), new Response(String(Date.now())));
}

async function buildsNewestFirst() {
  const meta = await caches.open(SEEN);
  const seen = [];
  for (const key of await caches.keys()) {
    if (!key.startsWith(PREFIX)) continue;
    const stamped = await meta.match(`${SCOPE.href}__build/${key.slice(PREFIX.length)}`);
    seen.push([key, stamped ? Number(await stamped.text()) : 0]);
  }
  return seen.sort((a, b) => b[1] - a[1]).map(([key]) => key);
}

async function newestBuild() {
  return (await buildsNewestFirst())[0];
}
