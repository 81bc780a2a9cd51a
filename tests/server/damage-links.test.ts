/**
 * Issue 11, a damage entry linked to a registered household (its `householdId`), on SQLite and PostgreSQL: the
 * household named must be of the entry's commune and still there.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { getRecord } from '../../sync-server/src/store/records';
import { push } from '../../sync-server/src/sync/push';
import { freshDatabases, storageEngines } from '../support/engines';
import {
  BA_TO,
  LY_SON,
  createMutation,
  damageFields,
  emergencyFields,
  mutation,
  pushContext,
} from '../support/fixtures';

const engines = await storageEngines('damage links');

const patch = (seq: number, type: 'emergency' | 'damage', id: string, fields: Record<string, unknown>) =>
  mutation(seq, {
    kind: 'patch',
    type,
    id,
    fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, [v, 0]])),
  });

const officer = () => pushContext({ role: 'commune_officer', scope: new Set([LY_SON, BA_TO]) });

for (const engine of engines) {
  describe(`damage links [${engine.name}]`, () => {
    const fresh = freshDatabases(engine);

    it('#11 refuses a damage entry naming a household missing, deleted or of another commune; the rest of the batch applies', async () => {
      const db = await fresh();
      const [here, elsewhere, gone] = [randomUUID(), randomUUID(), randomUUID()];
      await push(db, officer(), [
        createMutation(1, {}, here),
        createMutation(2, { communeCode: BA_TO }, elsewhere),
        createMutation(3, {}, gone),
        mutation(4, { kind: 'delete', type: 'household', id: gone }),
      ]);
      const emergency = randomUUID();
      const [toElsewhere, toNobody, toGone, toHere, followUp] = [
        randomUUID(),
        randomUUID(),
        randomUUID(),
        randomUUID(),
        randomUUID(),
      ];
      const linked = (householdId: string) => damageFields(emergency, { householdId, followUp: false });
      const outcome = await push(db, officer(), [
        patch(1, 'emergency', emergency, emergencyFields()),
        patch(2, 'damage', toElsewhere, linked(elsewhere)),
        patch(3, 'damage', toNobody, linked(randomUUID())),
        patch(4, 'damage', toGone, linked(gone)),
        patch(5, 'damage', toHere, linked(here)),
        patch(6, 'damage', followUp, damageFields(emergency)),
        // Linked later, by an edit, to the other commune's household.
        patch(7, 'damage', followUp, { householdId: elsewhere }),
      ]);
      expect(outcome.results.map((r) => r.status)).toEqual([
        'applied',
        'rejected',
        'rejected',
        'rejected',
        'applied',
        'applied',
        'rejected',
      ]);
      for (const refused of [1, 2, 3, 6])
        expect(outcome.results[refused]).toMatchObject({
          problem: { code: 'reject.damageHouseholdMissing' },
          reason: expect.stringContaining('Hộ gia đình được gắn với mục thiệt hại'),
        });
      expect(await getRecord(db, toElsewhere)).toBeUndefined();
      expect((await getRecord(db, toHere))?.data).toMatchObject({ householdId: here });
      expect((await getRecord(db, followUp))?.data).not.toHaveProperty('householdId');
    });
  });
}
