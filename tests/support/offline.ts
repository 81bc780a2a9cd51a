/**
 * Takes a tablet offline the way a person's tablet goes offline: no network AND `navigator.onLine === false` in
 * every document the page loads while offline, until it comes back online.
 *
 * Why not `context.setOffline(true)` alone: Playwright implements it with the deprecated CDP command
 * `Network.emulateNetworkConditions`. In Chromium 150 (Debian's, which CI installs) that command keeps blocking the
 * network across navigations, but its `navigator.onLine` override reaches only the document that is current when it
 * is sent: after a reload or `goto` (from the service worker or not, probed with and without one) the new document
 * starts with `navigator.onLine === true` and never gets an `offline` event. The protocol now splits the two:
 * `Network.overrideNetworkState` sets the navigator state, and it too is per document, so it is sent again to each new
 * main-frame document. It is held on its own CDP session, which stays attached until `goOnline`: detaching any CDP
 * session of the page drops its emulated `navigator.onLine` (so a test detaches its own sessions before going offline).
 * Only `page` is covered: another page opened in the context while offline would see `navigator.onLine === true`.
 */
import type { BrowserContext, CDPSession, Frame, Page } from 'playwright-core';

const OFFLINE_STATE = { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 } as const;

export interface Offline {
  /** Network back first, then our override dropped: the `online` event starts the app's sync, which must get through. */
  goOnline(): Promise<void>;
}

export async function goOffline(context: BrowserContext, page: Page): Promise<Offline> {
  await context.setOffline(true);
  const cdp: CDPSession = await context.newCDPSession(page);
  const restate = () => cdp.send('Network.overrideNetworkState', OFFLINE_STATE);
  await restate();
  // `framenavigated` comes at commit, when the new document already exists, so the override lands on it; the app
  // then gets an `offline` event. A failed send (page closing) is not thrown here: it shows as the app's "Có mạng".
  const onNavigated = (frame: Frame) => void (frame === page.mainFrame() && restate().catch(() => undefined));
  page.on('framenavigated', onNavigated);
  return {
    async goOnline() {
      page.off('framenavigated', onNavigated);
      await context.setOffline(false);
      await cdp.detach();
    },
  };
}
