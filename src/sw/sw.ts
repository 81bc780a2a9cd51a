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

// Take over at once: the app keeps every draft in IndexedDB, so a new shell loses nothing.
void self.skipWaiting();
clientsClaim();
