/**
 * Issue 9, item 13 across device and server: a handout dated two days ahead is refused by the server, and the
 * device keeps it — listed under "Đồng bộ" with the reason — while the rest of its queue goes through; every
 * answer leaves the device the server's clock offset.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { saveHousehold } from '../../src/db/households';
import { recordDistribution } from '../../src/db/outbox';
import { readClock } from '../../src/db/client-id';
import { storageEngines } from '../support/engines';
import { createWorld } from '../support/world';
import { distributionData, householdFields } from '../support/fixtures';

const engines = await storageEngines('clock scenarios');
const DAY = 24 * 3_600_000;
const SERVER_NOW = 1_760_000_000_000; // the world's clock (tests/support/world.ts)

for (const engine of engines) {
  describe.skipIf(!engine.available)(`clock scenarios [${engine.name}]`, () => {
    const cleanup: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const step of cleanup.splice(0).reverse()) await step();
    });

    it('#9.13 a handout dated two days ahead is refused naming handedOutAt, kept on the device with the reason; the next one goes through', async () => {
      const db = await engine.openFresh();
      cleanup.push(() => db.close());
      const w = await createWorld(db);
      const head = await w.device('thon.lyson');
      cleanup.push(async () => head.close());
      const saved = await saveHousehold(head.db, householdFields({ village: 'Thôn Đồng Hồ' }), { now: 1 });
      if (!saved.ok) throw new Error('not saved');
      const [ahead, right] = [randomUUID(), randomUUID()];
      await recordDistribution(
        head.db,
        ahead,
        distributionData(saved.id, { handedOutAt: SERVER_NOW + 2 * DAY }),
        SERVER_NOW + 2 * DAY,
      );
      await recordDistribution(
        head.db,
        right,
        distributionData(saved.id, { handedOutAt: SERVER_NOW, roundId: 'dot-2' }),
        SERVER_NOW,
      );
      await head.sync();

      const rejections = await head.db.rejections.toArray();
      expect(rejections).toHaveLength(1);
      expect(rejections[0]).toMatchObject({
        op: { kind: 'event', id: ahead, data: { handedOutAt: SERVER_NOW + 2 * DAY } },
        reason: expect.stringContaining('Thời điểm phát ở tương lai'),
      });
      expect(await head.db.outbox.count()).toBe(0);
      expect((await head.db.distributions.get(right))?.version).toBeGreaterThan(0);
      expect((await readClock(head.db)).offset).toEqual({ offset: 0, measuredAt: SERVER_NOW });
    });
  });
}
