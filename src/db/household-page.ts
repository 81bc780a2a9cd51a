/**
 * @module Everything the household page shows, read in ONE readonly transaction: the reads are issued together
 * (not one transaction and one round trip each), and only the outbox entries of the records on the page are read
 * (through its `recordId` index), not the whole outbox twice.
 */
import type { AnSinhDb, Rejection } from './database';
import { getHousehold, type LocalHousehold } from './households';
import { membersOf, type LocalMember } from './members';
import { surveysOf, type SurveyCase } from './cases';
import { rejectionsOf } from './queue';
import { draftWithTime } from './drafts';

export interface HouseholdPageState {
  /** Undefined when not on the device, deleted, or unreadable. */
  household: LocalHousehold | undefined;
  members: { members: LocalMember[]; unreadable: number };
  surveys: SurveyCase[];
  /** Of the household, its members and its surveys: those with a change waiting to be sent. */
  pending: Set<string>;
  /** Of its surveys: those with a "submit" waiting to be sent. */
  submits: Set<string>;
  rejections: Rejection[];
  /** The survey being filled in on this device (SurveyPage keeps one per household). */
  surveyDraft: { value: Record<string, unknown>; updatedAt: number } | undefined;
}

/** Chromium performance measure of one read of the page (bench/app.ts). */
export const HOUSEHOLD_READ_MEASURE = 'an-sinh:household-read';

export async function householdPageState(db: AnSinhDb, id: string): Promise<HouseholdPageState> {
  const started = performance.now();
  const state = await db.transaction(
    'r',
    [db.households, db.members, db.cases, db.outbox, db.rejections, db.drafts],
    async () => {
      const [household, members, surveys, rejections, surveyDraft] = await Promise.all([
        getHousehold(db, id).catch(() => undefined),
        membersOf(db, id),
        surveysOf(db, id),
        rejectionsOf(db, id),
        draftWithTime(db, `survey:${id}`),
      ]);
      const ids = [id, ...members.members.map((m) => m.id), ...surveys.map((s) => s.id)];
      const entries = await db.outbox.where('recordId').anyOf(ids).toArray();
      const pending = new Set(entries.map((entry) => entry.recordId));
      const submits = new Set(
        entries.filter((e) => e.op.kind === 'command' && e.op.command === 'submit').map((e) => e.recordId),
      );
      return { household, members, surveys, pending, submits, rejections, surveyDraft };
    },
  );
  performance.measure(HOUSEHOLD_READ_MEASURE, { start: started, end: performance.now() });
  return state;
}
