// planlens service worker: the page works offline after its first load.
//
// Rendered by tools/post_build.mjs: PRECACHE is every file of the build with its SHA-384, VERSION
// a hash of all of them. Rules:
//  - install fills a NEW cache `planlens-VERSION` with every file, revalidated with the server
//    (`cache: 'no-cache'`: a 304 reuses what the page just downloaded, so the first visit
//    transfers each file once) and checked against its integrity; if any file fails, the cache is dropped and the install fails,
//    so the old version keeps serving (never a half-filled cache);
//  - requests are answered from THIS version's cache only (never `caches.match` across caches), so
//    a page never mixes files of two builds;
//  - a new version waits until the page asks it to take over (the user clicked "reload" on the
//    `planlens:update` notice); then old caches are deleted.
// Only same-origin GETs inside the scope are touched; nothing is ever fetched from elsewhere.

const VERSION = "__PLANLENS_VERSION__";
const PRECACHE = "__PLANLENS_PRECACHE__";
/** Path prefixes fetched only on demand (the keyword dictionary): cached here on first use. */
const LAZY = "__PLANLENS_LAZY__";
const PREFIX = 'planlens-';
const CACHE = PREFIX + VERSION;
const scope = new URL(self.registration.scope);

const urlOf = (file) => new URL(file, scope).href;
const INDEX = urlOf('index.html');

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    await caches.delete(CACHE); // a previous failed attempt of this same version
    const cache = await caches.open(CACHE);
    try {
      await Promise.all(PRECACHE.map(async ([file, integrity]) => {
        const res = await fetch(new Request(urlOf(file), { cache: 'no-cache', integrity, credentials: 'same-origin' }));
        if (!res.ok) throw new Error(`${file}: HTTP ${res.status}`);
        await cache.put(urlOf(file), res);
      }));
    } catch (err) {
      await caches.delete(CACHE);
      throw err;
    }
    // First install: there is no old version to protect, take over at once.
    if (!self.registration.active) await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  const type = event.data && event.data.type;
  if (type === 'skip-waiting') self.skipWaiting();
  else if (type === 'version' && event.ports[0]) event.ports[0].postMessage({ version: VERSION });
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== scope.origin || !url.href.startsWith(scope.href)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    let key = url.origin + url.pathname;
    // The page itself, under any query (?engine=inline) or as the bare directory URL.
    if (req.mode === 'navigate' && (key === scope.href || key === INDEX)) key = INDEX;
    const hit = await cache.match(key);
    if (hit) return hit;
    const res = await fetch(req);
    const rel = key.slice(scope.href.length);
    if (res.ok && LAZY.some((p) => rel.startsWith(p))) await cache.put(key, res.clone());
    return res;
  })());
});
