/**
 * @module A cluster of possible duplicate registrations, made by the server when offline devices registered the
 * same person or household more than once. One open cluster per group of look-alikes: a new look-alike joins it
 * (its id appended to `recordIds`, the reason it matched kept in `reasons`), and a record that resembles members
 * of two open clusters merges them — the smaller one is closed as `merged` (emptied, pointing at the survivor) so
 * devices hide it. Nothing is merged in the registry itself: a commune officer confirms or dismisses the cluster
 * as a whole. Server rules: sync-server/src/sync/apply/duplicates.ts.
 */
import * as v from 'valibot';
import { CommuneCode } from '../fields';

export const DuplicateReason = v.picklist([
  'citizen-id',
  'name-birth-year-village',
  'name-birth-year',
  'head-name-village',
]);

export const DuplicateData = v.object({
  communeCode: CommuneCode,
  recordType: v.picklist(['household', 'member']),
  /** The record that opened the cluster first, then the one(s) it resembled, then later look-alikes in order. */
  recordIds: v.array(v.string()),
  /** The reason of the link that opened the cluster (kept for app versions that show one reason). */
  reason: DuplicateReason,
  /** Per member, the strongest reason it was linked by (absent on pairs written before clusters). */
  reasons: v.optional(v.record(v.string(), DuplicateReason)),
  status: v.picklist(['open', 'confirmed', 'dismissed', 'merged']),
  /** When merged: the cluster that took its members. */
  mergedInto: v.optional(v.string()),
  /** Who decided and when; `kept`: the record the others were merged into ("Đúng là trùng"). */
  decision: v.optional(v.object({ by: v.string(), at: v.number(), kept: v.optional(v.string()) })),
});
export type DuplicateData = v.InferOutput<typeof DuplicateData>;

/** The officer's decision, sent as a `resolve` value: with the members shown, so a grown cluster is not decided unseen. */
export const DuplicateDecision = v.union([
  v.picklist(['confirmed', 'dismissed']),
  v.object({
    decision: v.picklist(['confirmed', 'dismissed']),
    recordIds: v.pipe(v.array(v.string()), v.maxLength(10_000)),
    /**
     * With `confirmed`: the record that stays (the officer's pick, by default the oldest). The others are merged
     * into it on the server (apply/duplicates.ts `mergeInto`). Without it (apps before merging) the records stay.
     */
    keep: v.optional(v.pipe(v.string(), v.maxLength(100))),
  }),
]);
export type DuplicateDecision = v.InferOutput<typeof DuplicateDecision>;
