/**
 * Real Chromium (Debian's /usr/bin/chromium) driven by playwright-core — never a downloaded browser.
 * When it is missing the suite says so loudly; under CI that is a failure.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { reportUnavailable } from './postgres';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumAvailable(suite: string): boolean {
  if (existsSync(CHROMIUM)) return true;
  reportUnavailable(suite, `no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    chromiumSandbox: false,
    args: [
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
