import { describe, expect, it } from 'vitest';
import { reloadIntoUpdate, watchUpdates } from './service-worker';

describe('a new version of the app', () => {
  it('is switched to only when the user asks and no sync run is under way', async () => {
    let announce: () => void = () => undefined;
    const activated: string[] = [];
    watchUpdates({
      onWaiting: (callback) => {
        announce = callback;
      },
      activate: () => activated.push('activate'),
    });
    announce();
    expect(activated).toEqual([]);
    let finishSync: () => void = () => undefined;
    const idle = new Promise<void>((resolve) => {
      finishSync = resolve;
    });
    const reloading = reloadIntoUpdate(() => idle);
    await Promise.resolve();
    expect(activated).toEqual([]);
    finishSync();
    await reloading;
    expect(activated).toEqual(['activate']);
  });
});
