/**
 * @module The villages of a commune on the device (issue 11): the list the household form picks from, a village
 * added in the field for review, and the officer's edits. Matched as people type: "an binh" finds "Thôn An Bình".
 */
import type { VillageFields } from '../shared/records/village';
import { fold } from '../shared/search/fold';
import type { AnSinhDb } from './database';
import { deleteRecord } from './outbox';
import { editableRecordsOf, type Local, type SaveResult } from './records';

const villages = editableRecordsOf('village');

export type LocalVillage = Local<'village'>;

/** A commune's villages (not deleted), by their folded name. */
export async function villagesOf(db: AnSinhDb, communeCode: string): Promise<LocalVillage[]> {
  const { records } = await villages.where(db, 'communeCode', communeCode);
  return records.sort((a, b) => fold(a.name).localeCompare(fold(b.name)));
}

/** The villages whose folded name holds every folded word typed, in any case and without diacritics. */
export function matchVillages<V extends { name: string }>(list: readonly V[], query: string): V[] {
  const wanted = fold(query);
  if (!wanted) return [...list];
  return list.filter((village) => fold(village.name).includes(wanted));
}

/** The village of this name in the list, diacritics, case and spacing aside ("thon an binh" is "Thôn An Bình"). */
export function sameVillage<V extends { name: string }>(list: readonly V[], name: string): V | undefined {
  const wanted = fold(name);
  return wanted ? list.find((village) => fold(village.name) === wanted) : undefined;
}

/**
 * What a village is called now, given a name it had: a village the officer renamed keeps its former names
 * (`formerNames`, the server's), so a choice remembered under the old name follows it. The name itself otherwise.
 */
export async function currentVillageName(db: AnSinhDb, communeCode: string, name: string): Promise<string> {
  const list = await villagesOf(db, communeCode);
  if (sameVillage(list, name)) return name;
  const wanted = fold(name);
  return list.find((village) => village.formerNames?.some((former) => fold(former) === wanted))?.name ?? name;
}

export function saveVillage(
  db: AnSinhDb,
  input: VillageFields | Record<string, unknown>,
  options: { id?: string; now: number },
): Promise<SaveResult> {
  return villages.save(db, input, options);
}

/** An officer removes a village from the list (kept on the server, soft-deleted). */
export function removeVillage(db: AnSinhDb, id: string, now: number): Promise<void> {
  return deleteRecord(db, 'village', id, now);
}
