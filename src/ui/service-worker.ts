/**
 * @module Everything about the service worker's life in one place: registration, and no reload behind the
 * user's back — a new version takes over at the next navigation, when nothing is half-typed.
 */
import { Workbox } from 'workbox-window';

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const workbox = new Workbox('/sw.js', { scope: '/' });
  void workbox.register();
}
