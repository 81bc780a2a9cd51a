/**
 * @module Duplicate registrations made by devices that could not see each other: when a household or member is
 * registered, the server compares it with the commune's others (src/shared/search/duplicates.ts) and writes a
 * `duplicate` record for the commune officer. Nothing is merged.
 */
import { randomUUID } from 'node:crypto';
import type { SqlExecutor } from '../../db/database';
import { fold } from '../../../../src/shared/search/fold';
import { findDuplicates, findHouseholdDuplicates } from '../../../../src/shared/search/duplicates';
import type { DuplicateData } from '../../../../src/shared/records/duplicate';
import { getRecord, type StoredRecord } from '../../store/records';
import { personKeyCandidates, putPersonKey, type PersonKeyRow } from '../../store/person-keys';
import type { MutationContext } from '../context';
import { writeRecord } from '../write-record';

const str = (value: unknown) => (typeof value === 'string' && value ? value : null);

async function keyOf(tx: SqlExecutor, record: Pick<StoredRecord, 'id' | 'type' | 'commune' | 'data'>): Promise<PersonKeyRow | undefined> {
  if (record.type === 'household') {
    return { recordId: record.id, recordType: 'household', commune: record.commune, nameKey: fold(String(record.data.headName)), birthYear: null, citizenId: str(record.data.headCitizenId), villageKey: fold(String(record.data.village)) };
  }
  if (record.type === 'member') {
    const household = await getRecord(tx, String(record.data.householdId));
    return {
      recordId: record.id,
      recordType: 'member',
      commune: record.commune,
      nameKey: fold(String(record.data.fullName)),
      birthYear: str(record.data.birthDate)?.slice(0, 4) ?? null,
      citizenId: str(record.data.citizenId),
      villageKey: household ? fold(String(household.data.village)) : null,
    };
  }
  return undefined;
}

/** Keeps the record's key current; on a first registration, flags every look-alike. */
export async function checkDuplicates(tx: SqlExecutor, context: MutationContext, record: Pick<StoredRecord, 'id' | 'type' | 'commune' | 'data'>, isNew: boolean): Promise<void> {
  const key = await keyOf(tx, record);
  if (!key) return;
  await putPersonKey(tx, key);
  if (!isNew) return;
  const others = await personKeyCandidates(tx, key);
  const found =
    key.recordType === 'household'
      ? findHouseholdDuplicates(
          { id: key.recordId, headName: key.nameKey, village: key.villageKey ?? '', headCitizenId: key.citizenId ?? undefined },
          others.map((o) => ({ id: o.recordId, headName: o.nameKey, village: o.villageKey ?? '', headCitizenId: o.citizenId ?? undefined })),
        )
      : findDuplicates(
          { id: key.recordId, fullName: key.nameKey, birthDate: key.birthYear ?? undefined, citizenId: key.citizenId ?? undefined, village: key.villageKey ?? undefined },
          others.map((o) => ({ id: o.recordId, fullName: o.nameKey, birthDate: o.birthYear ?? undefined, citizenId: o.citizenId ?? undefined, village: o.villageKey ?? undefined })),
        );
  for (const candidate of found) {
    const data: DuplicateData = { communeCode: record.commune, recordType: key.recordType, recordIds: [record.id, candidate.id], reason: candidate.reason, status: 'open' };
    await writeRecord(tx, context, { id: randomUUID(), type: 'duplicate', commune: record.commune, parentId: record.id, data, meta: { f: {} }, deleted: false, createdAt: context.now });
  }
}
