/**
 * The service worker: precaches the app shell so the app opens with no network, and serves index.html for any
 * in-app navigation (deep links work offline). Data never goes through here: the outbox in IndexedDB is the
 * queue, and the API is always network-only.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api\//] }));

// The first install takes over at once. A new version waits until the user taps "Tải lại" on the banner
// (src/ui/service-worker.ts): then the open tabs reload together and none runs an old shell against new files.
// Every queued change and draft is in IndexedDB, so the reload loses nothing.
self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
clientsClaim();
