/** @module Boots the app: device settings first (session, language), then the router, then sync. */
import { render } from 'preact';
import { RouterProvider } from '@tanstack/react-router';
import { router } from './routes/router';
import { sessionStore, syncController } from './ui/services';
import { loadLanguage } from './ui/i18n';
import { registerServiceWorker } from './ui/service-worker';
import './ui/styles.css';

async function boot() {
  await Promise.all([sessionStore.load(), loadLanguage()]);
  render(<RouterProvider router={router} />, document.getElementById('app')!);
  registerServiceWorker();
  syncController.start();
  // Ask the browser not to evict our data under storage pressure (records may exist only here for weeks).
  void navigator.storage?.persist?.();
}

void boot();
