// CRM Studio's service worker: keeps this build's own files so that after one visit the
// app opens, follows deep links and works with the network off (README "Offline and
// updates"). It never fetches or caches anything but the site's own files.
//
// The build fills in FILES (every file of dist/, hashed names included) and VERSION (a
// checksum of them) after Trunk has written them: see .build/post-build.sh. A new build
// therefore means a new sw.js, which the browser installs beside the running one; it
// waits until the app asks it to take over (the user agreed to reload, see register.js).
const FILES = [];
const VERSION = 'dev';

// Where this build lives ("/" or "/crm/"); several builds on one origin keep apart caches.
const SCOPE = new URL('./', self.location).href;
const PREFIX = `crm:${new URL(SCOPE).pathname}:`;
const CACHE = PREFIX + VERSION;
const SHELL = SCOPE + 'index.html';
// How long a page load waits for the network before it opens the kept copy.
const NETWORK_WAIT_MS = 3000;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(FILES.map((file) => new Request(SCOPE + file, { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

// The open app asks the waiting worker to take over once the user agreed to reload.
self.addEventListener('message', (event) => {
  if (event.data === 'activate') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  if (request.mode === 'navigate') {
    event.respondWith(openPage(request));
    return;
  }
  // Hashed files never change under their name: the kept copy is the file.
  event.respondWith(
    caches.match(request, { cacheName: CACHE }).then((kept) => kept ?? fetch(request)),
  );
});

// A page (any deep link): the network's answer while it comes promptly, so a deployed
// build is seen on the next load; otherwise the kept app, which opens the page itself.
async function openPage(request) {
  const kept = caches.match(SHELL, { cacheName: CACHE });
  const network = fetch(request);
  network.catch(() => {});
  const late = new Promise((resolve) => setTimeout(resolve, NETWORK_WAIT_MS));
  try {
    const first = await Promise.race([network, late.then(() => null)]);
    if (first) return first;
    return (await kept) ?? (await network);
  } catch {
    return (await kept) ?? Response.error();
  }
}
