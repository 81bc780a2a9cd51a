/**
 * @module Relief handed out (docs/sync.md, G4): an append-only event. Stored once per id; a second handout of
 * the same item to the same household in the same round is stored and flagged, never refused; a mistake is
 * corrected by a void event, never by deleting.
 */
import * as v from 'valibot';
import { encodeMessage } from '../messages';
import { CitizenId, CommuneCode, Uuid, keyText, required, trimmed } from '../fields';

export const DistributionItem = v.picklist(['rice', 'cash', 'goods']);

/**
 * A handout's fields as stored. A handout goes to a registered household (`householdId`) or — during an emergency,
 * before anyone registers it — to the household of a damage entry noted for follow-up (`damageId`): a migrant
 * family, a new house. The officer registers or links it later; the handout follows through the damage entry.
 */
export const DistributionFields = v.object({
  communeCode: CommuneCode,
  householdId: v.optional(Uuid),
  /** The damage entry of a household not registered yet (its `householdId` absent when handed out). */
  damageId: v.optional(Uuid),
  /** A relief round (an event's handout or a gift campaign). */
  roundId: v.pipe(keyText(64, 'round'), v.minLength(1, encodeMessage('distribution.round'))),
  item: DistributionItem,
  /** What exactly, for goods ("mì tôm", "chăn"); for rice and cash the item says it. */
  itemName: keyText(100, 'itemName'),
  /** Stored handouts keep being read as they were; a new one must hand out something (DistributionData). */
  quantity: v.pipe(
    v.number(),
    v.minValue(0, encodeMessage('distribution.quantity')),
    v.maxValue(1e12, encodeMessage('field.atMost', { max: 1e12 })),
  ),
  unit: v.picklist(['kg', 'VND', 'item']),
  recipientName: required(120, 'recipient'),
  recipientRelation: v.optional(trimmed(40, 'relation')),
  recipientCitizenId: v.optional(CitizenId),
  /** Who saw the handout, when the recipient of a household not registered yet has no CCCD at hand. */
  witnessName: v.optional(trimmed(120, 'witness')),
  handedOutAt: v.pipe(v.number(), v.integer()),
  /** The receipt: a signature drawn on the tablet or a photo of the signed list (an attachment's SHA-256). */
  receipt: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/))),
  /** Why there is no receipt (the recipient cannot sign, the tablet broke): one of the two is required. */
  noReceiptReason: v.optional(trimmed(300, 'noReceiptReason')),
});

const filled = (text: string | undefined) => !!text && text.trim().length > 0;

/**
 * A new handout, checked the same on the device and on the server: something is handed out (no 0 kg, no 0 đ),
 * with a receipt or the reason there is none; to a household, or to a damage entry — then with the receipt and
 * the recipient's CCCD or a witness, since no registry stands behind it yet.
 */
export const DistributionData = v.pipe(
  DistributionFields,
  v.forward(
    v.check((d) => d.quantity > 0, encodeMessage('distribution.quantityPositive')),
    ['quantity'],
  ),
  v.forward(
    v.check((d) => d.householdId !== undefined || d.damageId !== undefined, encodeMessage('distribution.toWhom')),
    ['householdId'],
  ),
  v.forward(
    v.check((d) => d.householdId !== undefined || filled(d.receipt), encodeMessage('distribution.followUpReceipt')),
    ['receipt'],
  ),
  v.forward(
    v.check((d) => filled(d.receipt) || filled(d.noReceiptReason), encodeMessage('distribution.receiptOrReason')),
    ['receipt'],
  ),
  v.forward(
    v.check(
      (d) => d.householdId !== undefined || filled(d.recipientCitizenId) || filled(d.witnessName),
      encodeMessage('distribution.followUpIdentity'),
    ),
    ['recipientCitizenId'],
  ),
);
export type DistributionData = v.InferOutput<typeof DistributionFields>;

/** What the server adds to a stored handout. */
export const DistributionReview = v.object({
  handedOutBy: v.string(),
  duplicateSuspected: v.boolean(),
  duplicateOf: v.array(v.string()),
  voided: v.optional(v.object({ voidId: v.string(), reason: v.string(), by: v.string(), at: v.number() })),
});

export const Distribution = v.object({ ...DistributionFields.entries, ...DistributionReview.entries });
export type Distribution = v.InferOutput<typeof Distribution>;

/**
 * The same household (or, for one not registered yet, the same damage entry), round and item: a second one is
 * suspected to be a double handout.
 */
export function duplicateKey(
  data: Pick<DistributionData, 'householdId' | 'damageId' | 'roundId' | 'item' | 'itemName'>,
): string {
  const to = data.householdId ?? `damage:${data.damageId ?? ''}`;
  return [to, data.roundId, data.item, data.itemName.trim().toLowerCase()].join('|');
}

export const VoidData = v.object({
  communeCode: CommuneCode,
  target: Uuid,
  reason: v.pipe(required(500, 'reason'), v.minLength(3, encodeMessage('distribution.voidReason'))),
});
export type VoidData = v.InferOutput<typeof VoidData>;
