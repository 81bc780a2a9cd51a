/** @module Boots the app: device settings first (session, language), then the router, then sync. */
import { render } from 'preact';
import { RouterProvider } from '@tanstack/react-router';
import { router } from './routes/router';
import { sessionStore, syncController } from './ui/services';
import { loadLanguage } from './ui/i18n';
import { registerServiceWorker } from './ui/service-worker';
import { requestPersistentStorage } from './ui/storage-persistence';
import './ui/styles.css';

async function boot() {
  await Promise.all([sessionStore.load(), loadLanguage()]);
  render(<RouterProvider router={router} />, document.getElementById('app')!);
  registerServiceWorker();
  syncController.start();
  void requestPersistentStorage();
}

void boot();
