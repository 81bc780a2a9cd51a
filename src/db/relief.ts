/** @module Emergencies, damage and relief rounds on the device; handouts with their receipts. */
import type { AnSinhDb, LocalRecord } from './database';
import { recordDistribution } from './outbox';
import { storeAttachment } from './attachments';
import { newId } from '../shared/ids';

export async function emergenciesOf(db: AnSinhDb, communeCode: string): Promise<LocalRecord[]> {
  return (await db.emergencies.where('communeCode').equals(communeCode).toArray()).filter((e) => !e.deleted).sort((a, b) => String(b.date).localeCompare(String(a.date)));
}

/** An emergency with what was recorded of it: damage per household, relief rounds and their handouts. */
export async function emergencyWithRelief(db: AnSinhDb, id: string) {
  const event = await db.emergencies.get(id);
  if (!event) return { event };
  const damages = await db.damages.where('emergencyId').equals(id).toArray();
  const rounds = await db.reliefRounds.where('emergencyId').equals(id).toArray();
  const handouts = (await Promise.all(rounds.map((r) => db.distributions.where('roundId').equals(r.id).toArray()))).flat();
  return { event, damages, rounds, handouts };
}

/** Gift campaigns (18/4, 6/6, 1/10, 3/12, Tết) of a commune: rounds not tied to an emergency. */
export async function campaignsOf(db: AnSinhDb, communeCode: string): Promise<LocalRecord[]> {
  return (await db.reliefRounds.where('communeCode').equals(communeCode).toArray()).filter((r) => r.campaign);
}

/** A relief round as stored (the screen validates it against ReliefRoundFields). */
export function roundOf(db: AnSinhDb, id: string): Promise<LocalRecord | undefined> {
  return db.reliefRounds.get(id);
}

export async function handoutsOfRound(db: AnSinhDb, roundId: string): Promise<LocalRecord[]> {
  return (await db.distributions.where('roundId').equals(roundId).toArray()).sort((a, b) => Number(a.handedOutAt) - Number(b.handedOutAt));
}

/**
 * Records a handout with its receipt (a drawn signature or a photo of the signed list): the image is kept on the
 * device and goes up in the attachment queue after the data; the handout names it by hash.
 */
export async function handOut(
  db: AnSinhDb,
  handout: Record<string, unknown> & { communeCode: string },
  receipt: { bytes: ArrayBuffer; kind: 'signature' | 'photo'; mime: 'image/png' | 'image/jpeg' } | undefined,
  now: number,
): Promise<string> {
  const id = newId(now);
  const hash = receipt ? await storeAttachment(db, receipt.bytes, { recordId: id, communeCode: handout.communeCode, kind: receipt.kind, mime: receipt.mime }, now) : undefined;
  await recordDistribution(db, id, { ...handout, ...(hash ? { receipt: hash } : {}) }, now);
  return id;
}

/**
 * How many people a household on a round counts: the members registered and present, or — for a household hit
 * before its members were registered — the number the village head recorded with the damage, whichever is more.
 */
export async function peopleOnRound(db: AnSinhDb, householdIds: readonly string[], emergencyId: string | undefined): Promise<Map<string, number>> {
  const damages = emergencyId ? await db.damages.where('emergencyId').equals(emergencyId).toArray() : [];
  const people = new Map<string, number>();
  for (const id of householdIds) {
    const registered = await db.members.where('householdId').equals(id).filter((m) => m.status === 'present').count();
    const recorded = Math.max(0, ...damages.filter((d) => d.householdId === id).map((d) => Number(d.members)));
    people.set(id, Math.max(registered, recorded));
  }
  return people;
}
