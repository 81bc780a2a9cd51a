/** @module Boots the app: device settings first (session, language, workplace), then the router, then sync. */
import { render } from 'preact';
import { RouterProvider } from '@tanstack/react-router';
import { router } from './routes/router';
import { db, sessionStore, syncController } from './ui/services';
import { loadLanguage } from './ui/i18n';
import { loadWorkplace } from './ui/use-commune';
import { registerServiceWorker } from './ui/service-worker';
import { requestPersistentStorage } from './ui/storage-persistence';
import './ui/styles.css';

async function boot() {
  // The first screen is drawn with all three known: no page starts on another commune than the remembered one.
  await Promise.all([sessionStore.load(), loadLanguage(), loadWorkplace()]);
  render(<RouterProvider router={router} />, document.getElementById('app')!);
  registerServiceWorker();
  syncController.start();
  void requestPersistentStorage();
  // bench/app.ts times the write path without a click in front of it; absent from every other build.
  if (import.meta.env.VITE_BENCH === '1') {
    const [{ savePatch }, { saveDraft }] = await Promise.all([import('./db/outbox'), import('./db/drafts')]);
    Object.assign(window, { anSinhBench: { db, savePatch, saveDraft } });
  }
}

void boot();
