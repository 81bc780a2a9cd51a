/** @module Emergencies, damage and relief rounds on the device; handouts with their receipts. */
import type { AnSinhDb } from './database';
import { recordDistribution } from './outbox';
import { storeAttachment } from './attachments';
import { editableRecordsOf, recordsOf, type Listed, type Local } from './records';
import { householdsByIds } from './households';
import * as v from 'valibot';
import { newId } from '../shared/ids';
import { DistributionData } from '../shared/records/distribution';

export const emergencies = editableRecordsOf('emergency');
export const damages = editableRecordsOf('damage');
export const reliefRounds = editableRecordsOf('relief_round');
const handouts = recordsOf('distribution');

export type LocalEmergency = Local<'emergency'>;
export type LocalDamage = Local<'damage'>;
export type LocalRound = Local<'relief_round'>;
export type LocalHandout = Local<'distribution'>;

/** A commune's emergencies, newest first. */
export async function emergenciesOf(db: AnSinhDb, communeCode: string): Promise<Listed<LocalEmergency>> {
  const listed = await emergencies.where(db, 'communeCode', communeCode);
  listed.records.sort((a, b) => b.date.localeCompare(a.date));
  return listed;
}

/** An emergency with what was recorded of it: damage per household, relief rounds and their handouts. */
export async function emergencyWithRelief(db: AnSinhDb, id: string) {
  const event = await emergencies.get(db, id);
  if (!event) return { event };
  const damage = await damages.where(db, 'emergencyId', id);
  const rounds = await reliefRounds.where(db, 'emergencyId', id);
  const given = await Promise.all(rounds.records.map((r) => handouts.where(db, 'roundId', r.id)));
  return {
    event,
    damages: damage.records,
    rounds: rounds.records,
    handouts: given.flatMap((g) => g.records),
    unreadable: damage.unreadable + rounds.unreadable + given.reduce((n, g) => n + g.unreadable, 0),
  };
}

/** Gift campaigns (18/4, 6/6, 1/10, 3/12, Tết) of a commune: rounds not tied to an emergency. */
export async function campaignsOf(db: AnSinhDb, communeCode: string): Promise<Listed<LocalRound>> {
  const listed = await reliefRounds.where(db, 'communeCode', communeCode);
  return { ...listed, records: listed.records.filter((r) => r.campaign) };
}

/**
 * A round with what a screen shows of it: its handouts in the order given, the planned households on the
 * device and how many people each counts (peopleOnRound), and — for an emergency's round — the emergency and its
 * damage entries (what each household is entitled to; households noted for follow-up, not registered yet).
 */
export async function roundWithHandouts(db: AnSinhDb, id: string) {
  const round = await reliefRounds.get(db, id);
  if (!round) return { round };
  const given = await handoutsOfRound(db, id);
  const planned = await householdsByIds(db, round.plannedHouseholdIds);
  const people = await peopleOnRound(db, round.plannedHouseholdIds, round.emergencyId);
  const event = round.emergencyId ? await emergencies.get(db, round.emergencyId) : undefined;
  const damage = round.emergencyId ? await damages.where(db, 'emergencyId', round.emergencyId) : undefined;
  return {
    round,
    handouts: given.records,
    planned,
    people,
    event,
    damages: damage?.records ?? [],
    unreadable: given.unreadable + (damage?.unreadable ?? 0),
  };
}

/**
 * The household a handout went to: its own, or — handed out to a damage entry before the household was
 * registered — the one the officer has since linked to that entry (the handout follows its damage).
 */
export function handoutHousehold(
  handout: Pick<LocalHandout, 'householdId' | 'damageId'>,
  damagesOfEvent: readonly Pick<LocalDamage, 'id' | 'householdId'>[],
): string | undefined {
  return handout.householdId ?? damagesOfEvent.find((d) => d.id === handout.damageId)?.householdId;
}

export async function handoutsOfRound(db: AnSinhDb, roundId: string): Promise<Listed<LocalHandout>> {
  const listed = await handouts.where(db, 'roundId', roundId);
  listed.records.sort((a, b) => a.handedOutAt - b.handedOutAt);
  return listed;
}

/** A handout refused before it is kept: the first problem of each field, as message codes. */
export type HandOutResult = { ok: true; id: string } | { ok: false; issues: Partial<Record<string, string>> };

/**
 * Records a handout with its receipt (a drawn signature or a photo of the signed list): the image is kept on the
 * device and goes up in the attachment queue after the data; the handout names it by hash. Checked first with the
 * schema the server checks it with (DistributionData: no zero quantity, a receipt or the reason there is none,
 * CCCD or witness for a household not registered yet), so nothing the server would refuse is kept.
 */
export async function handOut(
  db: AnSinhDb,
  handout: Omit<DistributionData, 'receipt'>,
  receipt: { bytes: ArrayBuffer; kind: 'signature' | 'photo'; mime: 'image/png' | 'image/jpeg' } | undefined,
  now: number,
): Promise<HandOutResult> {
  // The receipt's hash is known once stored; a placeholder of its form stands for it in the check.
  const checked = v.safeParse(DistributionData, { ...handout, ...(receipt ? { receipt: '0'.repeat(64) } : {}) });
  if (!checked.success) {
    const issues: Partial<Record<string, string>> = {};
    for (const issue of checked.issues) {
      const path = v.getDotPath(issue) ?? '';
      issues[path] ??= issue.message;
    }
    return { ok: false, issues };
  }
  const id = newId(now);
  const hash = receipt
    ? await storeAttachment(
        db,
        receipt.bytes,
        { recordId: id, communeCode: handout.communeCode, kind: receipt.kind, mime: receipt.mime },
        now,
      )
    : undefined;
  await recordDistribution(db, id, { ...checked.output, ...(hash ? { receipt: hash } : {}) }, now);
  return { ok: true, id };
}

/**
 * How many people a household on a round counts: the members registered and present, or — for a household hit
 * before its members were registered — the number the village head recorded with the damage, whichever is more.
 */
export async function peopleOnRound(
  db: AnSinhDb,
  householdIds: readonly string[],
  emergencyId: string | undefined,
): Promise<Map<string, number>> {
  const recorded = emergencyId ? (await damages.where(db, 'emergencyId', emergencyId)).records : [];
  const people = new Map<string, number>();
  for (const id of householdIds) {
    const registered = await db.members
      .where('householdId')
      .equals(id)
      .filter((m) => m.status === 'present')
      .count();
    const fromDamage = Math.max(0, ...recorded.filter((d) => d.householdId === id).map((d) => d.members));
    people.set(id, Math.max(registered, fromDamage));
  }
  return people;
}
