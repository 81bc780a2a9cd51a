/**
 * @module Relief handed out (docs/sync.md, G4): an append-only event. Stored once per id; a second handout of
 * the same item to the same household in the same round is stored and flagged, never refused; a mistake is
 * corrected by a void event, never by deleting.
 */
import * as v from 'valibot';
import { encodeMessage } from '../messages';
import { CitizenId, CommuneCode, Uuid, keyText, required, trimmed } from '../fields';

export const DistributionItem = v.picklist(['rice', 'cash', 'goods']);

export const DistributionData = v.object({
  communeCode: CommuneCode,
  householdId: Uuid,
  /** A relief round (an event's handout or a gift campaign). */
  roundId: v.pipe(keyText(64, 'round'), v.minLength(1, encodeMessage('distribution.round'))),
  item: DistributionItem,
  /** What exactly, for goods ("mì tôm", "chăn"); for rice and cash the item says it. */
  itemName: keyText(100, 'itemName'),
  quantity: v.pipe(v.number(), v.minValue(0, encodeMessage('distribution.quantity')), v.maxValue(1e12)),
  unit: v.picklist(['kg', 'VND', 'item']),
  recipientName: required(120, 'recipient'),
  recipientRelation: v.optional(trimmed(40, 'relation')),
  recipientCitizenId: v.optional(CitizenId),
  handedOutAt: v.pipe(v.number(), v.integer()),
  /** The receipt: a signature drawn on the tablet or a photo of the signed list (an attachment's SHA-256). */
  receipt: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/))),
});
export type DistributionData = v.InferOutput<typeof DistributionData>;

/** What the server adds to a stored handout. */
export const DistributionReview = v.object({
  handedOutBy: v.string(),
  duplicateSuspected: v.boolean(),
  duplicateOf: v.array(v.string()),
  voided: v.optional(v.object({ voidId: v.string(), reason: v.string(), by: v.string(), at: v.number() })),
});

export const Distribution = v.object({ ...DistributionData.entries, ...DistributionReview.entries });
export type Distribution = v.InferOutput<typeof Distribution>;

/** The same household, round and item: a second one is suspected to be a double handout. */
export function duplicateKey(data: Pick<DistributionData, 'householdId' | 'roundId' | 'item' | 'itemName'>): string {
  return [data.householdId, data.roundId, data.item, data.itemName.trim().toLowerCase()].join('|');
}

export const VoidData = v.object({
  communeCode: CommuneCode,
  target: Uuid,
  reason: v.pipe(required(500, 'reason'), v.minLength(3, encodeMessage('distribution.voidReason'))),
});
export type VoidData = v.InferOutput<typeof VoidData>;
