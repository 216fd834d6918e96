// Registers the service worker (sw.js, beside index.html) and tells the app when a new
// build has been installed and is waiting: the app shows "A new version is ready" and
// calls `crmUpdate.apply()` only when the user agrees and no form holds unsaved changes.
(() => {
  let waiting = null;
  const announce = (worker) => {
    waiting = worker;
    window.dispatchEvent(new Event('crm-update-ready'));
  };
  window.crmUpdate = {
    ready: () => waiting !== null,
    // Reloads into the newest build: the waiting worker takes over first, if there is one.
    apply: () => {
      if (!waiting || !navigator.serviceWorker) {
        location.reload();
        return;
      }
      navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
      waiting.postMessage('activate');
    },
    // Asks the server whether a newer build is deployed (also done when the tab is shown).
    check: async () => {
      const registration = await navigator.serviceWorker?.getRegistration(document.baseURI);
      await registration?.update();
    },
  };
  if (!('serviceWorker' in navigator)) return;
  const base = new URL(document.baseURI);
  navigator.serviceWorker
    .register(new URL('sw.js', base), { scope: new URL('./', base).pathname })
    .then((registration) => {
      const follow = (worker) => worker?.addEventListener('statechange', () => {
        // "installed" with a worker already in charge: a newer build, waiting.
        if (worker.state === 'installed' && navigator.serviceWorker.controller) announce(worker);
      });
      if (registration.waiting && navigator.serviceWorker.controller) announce(registration.waiting);
      follow(registration.installing);
      registration.addEventListener('updatefound', () => follow(registration.installing));
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') registration.update().catch(() => {});
      });
    })
    .catch(() => {});
})();
