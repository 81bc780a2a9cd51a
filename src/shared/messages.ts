/**
 * @module Every text that src/shared, src/sync, src/db and the server hand to a person, as a code with
 * parameters: validation problems, rejection reasons, sync and transport states, set-aside reasons, server errors.
 * The catalogue is here, once; `src/shared/messages-vi.ts` (Vietnamese, also used by the server for the `reason`
 * older apps read) and `src/ui/i18n/messages-en.ts` turn a message into text, each type-checked to have every code.
 *
 * A valibot schema's `message` is a message encoded as one string (`encodeMessage`), so issues keep their code
 * through `v.flatten` and `issue.message`; `decodeMessage` reads it back — any other text (valibot's own English
 * defaults, a reason stored by an older app) becomes the `text` message, shown as it is.
 */
import * as v from 'valibot';
import type { Action, Role } from './roles';

/** What a kind of message says, by its parameters' names. */
const CATALOGUE = {
  /** Text from elsewhere, shown as it is (an older app's stored reason, valibot's default, an exception). */
  text: ['text'],
  /** A list of validation issues alone (a refused request body). */
  issues: [],

  // Field checks (valibot messages of the shared schemas).
  'field.communeCode': [],
  'field.citizenId': [],
  'field.phone': [],
  'field.uuid': [],
  'field.partialDate': [],
  'field.date': [],
  'field.unstorable': ['label'],
  'field.tooLong': ['label', 'max'],
  'field.required': ['label'],
  'field.controlChars': ['label'],
  'field.money': [],
  'field.moneyInteger': [],
  'field.notNegative': [],
  'field.floorArea': [],
  'field.number': [],
  'field.integer': [],
  /** A number above its schema's bound (an income, an area, a count no household has). */
  'field.atMost': ['max'],
  // Issue 12, the allowance application.
  'field.month': [],
  /** A value not among the choices offered. */
  'field.choose': [],
  'allowance.form': [],
  // Issue 12, a change to an allowance decided (src/shared/records/allowance-change.ts).
  'change.reason': [],
  'change.deathDate': [],
  'change.toCommune': [],
  'household.area': [],
  'household.headName': [],
  'household.village': [],
  'member.fullName': [],
  'member.sex': [],
  'member.relation': [],
  'member.ethnicity': [],
  'distribution.round': [],
  'distribution.quantity': [],
  'distribution.voidReason': [],
  'emergency.type': [],
  'emergency.villages': [],
  'damage.members': [],
  'round.items': [],
  'attachment.hash': [],
  'attachment.tooLarge': [],
  'protocol.tooManyFields': ['max'],
  'protocol.stampControl': [],
  'login.username': [],
  'login.usernameInvalid': [],
  'login.password': [],
  'json.notObject': [],
  /** Data refused for one of the `json.*` problems below, named by `problem` with that problem's own parameters. */
  'json.invalid': ['problem'],
  'json.badNumber': [],
  'json.stringTooLong': ['max'],
  'json.tooDeep': ['max'],
  'json.tooManyItems': ['max'],
  'json.notJson': [],
  'json.tooManyKeys': ['max'],
  'json.keyTooLong': ['max'],
  'json.unsafeKey': [],
  'json.tooLarge': ['kb'],
  'key.empty': [],
  'key.tooLong': ['max'],
  'key.unsafe': [],
  'clock.futureDate': ['label', 'date'],
  'survey.income': [],
  // Issue 11, data entry: dates that cannot be, a date typed in the future, names.
  'date.notOnCalendar': [],
  'date.beforeEarliest': ['year'],
  'date.typedInFuture': ['label', 'date'],
  'village.status': [],
  /** A role that may create a kind only with some field at one value (a village kept for review). */
  'reject.createOnlyAs': ['role', 'kind', 'field', 'value'],

  // Why the server refused a change (MutationResult `problem`).
  'reject.outOfScope': [],
  'reject.notPermitted': ['role', 'action', 'kind'],
  'reject.caseStatus': ['status', 'command'],
  'reject.commentNeeded': [],
  'reject.invalidChange': [],
  'reject.invalidHandout': [],
  'reject.invalidVoid': [],
  'reject.invalidData': [],
  'reject.invalidSurvey': [],
  'reject.communeNotAssigned': ['commune'],
  'reject.handoutHouseholdMissing': [],
  'reject.alreadyVoided': [],
  'reject.caseDeleted': [],
  'reject.idOfOtherType': ['id'],
  'reject.deletedOnServer': [],
  'reject.fieldNotEditable': ['field'],
  'reject.tooManyCandidates': ['field', 'count'],
  'reject.caseLocked': [],
  'reject.householdMissing': [],
  'reject.personMissing': [],
  'reject.conflictResolved': [],
  'reject.conflictRecordGone': [],
  'reject.moveNotByConflict': [],
  'reject.duplicateDecision': [],
  'reject.duplicateNotFound': [],
  'reject.duplicateMerged': [],
  'reject.duplicateDecided': [],
  'reject.duplicateGrew': [],
  // Issue 11, the officer's desk: the record chosen to stay is not (or no longer) in the cluster.
  'reject.duplicateKeep': [],
  'reject.surveyHouseholdMissing': [],
  'reject.surveyUnclassifiable': ['error'],
  // Issue 12, the chairman's decision on an allowance application, checked by the server.
  'reject.decisionBeforeFiling': ['startMonth', 'filedMonth'],
  /** The decision differs from what the rules give (amount in đồng, coefficient as a number). */
  'reject.decisionDiffers': ['coefficient', 'amount'],
  /** The rules give no category of the application's form: the decision stands only with a reason. */
  'reject.decisionNoCategory': [],
  'reject.decisionCategoryOfForm': ['form'],
  /** The person already has an approved decision for the same category (another case). */
  'reject.decisionActive': ['number'],
  /** The working-day calendar has no holidays for the year: the posting window cannot be counted. */
  'reject.postingNoCalendar': ['year'],
  /** The change names no approved allowance of this person. */
  'reject.changeGrantMissing': [],
  /** The change does not fit where the allowance stands in that month ('active', 'suspended', 'stopped'). */
  'reject.changeNotApplicable': ['change', 'state', 'month'],
  'reject.changeBeforeGrant': ['month', 'startMonth'],
  /** A stop on death runs from the month after it, never another. */
  'reject.changeDeathMonth': ['month'],
  /** An adjustment names the category, coefficient and amount decided. */
  'reject.changeFigures': [],
  'reject.schemaTooNew': [],
  'reject.schemaTooOld': [],

  // The sync engine and its transport (SyncStatus `problem`).
  'sync.unreadableAnswer': ['status'],
  'sync.invalidAnswer': [],
  'sync.httpStatus': ['status'],
  'sync.gap': ['expected'],
  'sync.tooManyTrips': [],
  'sync.quota': [],

  // The device's database.
  'setAside.badFormat': [],
  'setAside.storeFailed': ['error'],
  'db.conflictNotFound': [],

  // Error bodies of the server (ErrorBody `problem`).
  'http.unsupportedEncoding': ['encoding'],
  'http.tooLargeUnzipped': [],
  'http.badGzip': [],
  'http.badJson': [],
  'http.attachmentsRateLimited': [],
  'http.noAttachments': [],
  'http.attachmentMetaMissing': [],
  'http.attachmentHashMismatch': [],
  'http.rangeMissing': [],
  'http.imageTooLarge': [],
  'http.rangeOutside': [],
  'http.attachmentRecordMissing': [],
  'http.receiptsOnlyForHandouts': [],
  'http.chunkLength': [],
  'http.uploadCorrupt': [],
  'http.noSuchFile': [],
  'http.sessionExpired': [],
  'http.loginBusy': [],
  'http.wrongLogin': [],
  'http.loginLocked': ['seconds', 'at'],
  'http.syncRateLimited': [],
  'http.appTooOld': [],
  'http.serverTooOld': [],
  'http.requestTooLarge': [],
  'http.noSuchAddress': [],
  'http.reportsNotPermitted': ['role'],
  /** Issue 13: the payroll names people, their IDs and accounts — the commune officer and province staff only. */
  'http.payrollNotPermitted': ['role'],
  'http.communeNotAssigned': [],
  /** Issue 13: the steps of a payroll month (sync-server/src/payroll/months.ts). */
  'payroll.officerOnly': ['role'],
  'payroll.listChanged': [],
  'payroll.earlierNotLocked': ['month'],
  'payroll.alreadyApproved': [],
  'payroll.notApproved': [],
  'payroll.changedSinceApproval': [],
  'payroll.locked': [],
  'payroll.laterMonthKept': ['month'],
  'payroll.returnsRecorded': [],
  'payroll.notLocked': [],
  'payroll.nothingToReopen': [],
  'http.queueOfOtherUser': [],
  'http.storageUnavailable': [],
  'http.serverError': [],

  // Relief (issue 11): what a new handout must have, and a damage entry it names.
  'distribution.quantityPositive': [],
  'distribution.toWhom': [],
  'distribution.receiptOrReason': [],
  'distribution.followUpReceipt': [],
  'distribution.followUpIdentity': [],
  'reject.handoutDamageMissing': [],
  // Issue 11, search and lists / status and messages: no answer at all from the server.
  'sync.noConnection': [],
  // Issue 11, device: a number as typed (src/ui/format.ts, parseQuantity), in its unit (kg, VND, item, m2, count).
  'quantity.empty': ['unit'],
  'quantity.malformed': ['unit'],
  'quantity.whole': ['unit'],
  'quantity.ambiguous': ['text', 'thousands', 'decimal'],
  'quantity.oneDecimal': ['unit'],
  'quantity.tooLarge': ['unit'],
  // Issue 11, server checks: a damage entry's household, a household's village.
  'reject.damageHouseholdMissing': [],
  'reject.villageNotListed': ['village'],
  // Issue 13, the payer's returned list (sync-server/src/payroll/returns.ts): the file, then each row.
  'returns.tooLarge': ['mb'],
  'returns.tooManyRows': ['max'],
  'returns.empty': [],
  'returns.fileType': [],
  'returns.unreadable': [],
  /** `column`: 'status', 'amount' or 'lineOrCitizenId'. */
  'returns.missingColumn': ['column'],
  'returns.badLine': ['text'],
  'returns.badCitizenId': ['text'],
  'returns.badStatus': ['text'],
  'returns.badAmount': ['text'],
  'returns.badDate': ['text'],
  /** `date`: dd/mm/yyyy. */
  'returns.futureDate': ['date'],
  'returns.lineUnknown': ['line'],
  'returns.lineOtherPerson': ['line', 'citizenId'],
  'returns.citizenIdNotListed': ['citizenId'],
  /** `lines`: the line numbers, comma separated. */
  'returns.citizenIdAmbiguous': ['citizenId', 'lines'],
  'returns.noLineOrCitizenId': [],
  /** `rows`: the later rows returning the same line, comma separated. */
  'returns.lineReturnedAgain': ['line', 'rows'],
  'returns.lineRepeats': ['line', 'row'],
  'returns.amountMissing': ['line'],
  /** Amounts in đồng. */
  'returns.amountDiffers': ['line', 'amount', 'total'],
} as const satisfies Record<string, readonly string[]>;

export type MessageCode = keyof typeof CATALOGUE;
export const MESSAGE_CODES = Object.keys(CATALOGUE) as MessageCode[];
export const paramNames = (code: MessageCode): readonly string[] => CATALOGUE[code];

export type Params = Record<string, string | number>;
/** One validation issue of a message about invalid data: where (a dot path), and what. */
export interface IssueMessage {
  path?: string;
  message: Message;
}
export interface Message {
  code: MessageCode;
  params?: Params;
  /** For the messages about invalid data: each issue found. */
  issues?: readonly IssueMessage[];
}

/** Field names that messages name (`label` parameters); each language names them. */
export const FIELD_LABELS = [
  'headName',
  'village',
  'address',
  'notes',
  'fullName',
  'round',
  'itemName',
  'recipient',
  'relation',
  'reason',
  'description',
  'damageVillage',
  'donor',
  'roundName',
  'handedOutAt',
  'emergencyDate',
  'assessedOn',
  'roundDate',
  'reviewDate',
  // Issue 11, data entry.
  'birthDate',
  'disabilityCertifiedOn',
  // Relief (issue 11)
  'witness',
  'noReceiptReason',
  // Issue 11, device names.
  'deviceName',
  // Issue 12, the allowance application and decision.
  'issuedBy',
  'livesWith',
  'certificateNo',
  'decisionNumber',
  'signer',
  'signedOn',
  'filedOn',
  'proposedOn',
  'eventOn',
] as const;
export type FieldLabel = (typeof FIELD_LABELS)[number];

/** Kinds of record and of change, as messages and the Sync page name them. */
export const KIND_NAMES = [
  'household',
  'member',
  'case',
  'emergency',
  'damage',
  'relief_round',
  'distribution',
  'distribution_void',
  'conflict',
  'duplicate',
  'village',
] as const;
export type KindName = (typeof KIND_NAMES)[number];

export const CASE_STATUSES = ['draft', 'submitted', 'verified', 'posted', 'approved', 'rejected', 'returned'] as const;
export const DUPLICATE_REASONS = [
  'citizen-id',
  'name-birth-year-village',
  'name-birth-year',
  'head-name-village',
] as const;
export const STORE_ERRORS = ['DataCloneError', 'DataError', 'RangeError'] as const;

type ParamsOf<C extends MessageCode> = { [P in (typeof CATALOGUE)[C][number]]: string | number };

/** What one language says: every message, and the words messages are made of. */
export interface MessageTexts {
  messages: {
    [C in MessageCode]: (params: ParamsOf<C>, more: { issues: string; say: (message: Message) => string }) => string;
  };
  labels: Record<FieldLabel, string>;
  roles: Record<Role, string>;
  actions: Record<Action, string>;
  kinds: Record<KindName, string>;
  statuses: Record<(typeof CASE_STATUSES)[number], string>;
  duplicateReasons: Record<(typeof DUPLICATE_REASONS)[number], string>;
  storeErrors: Record<(typeof STORE_ERRORS)[number], string> & { unknown: string };
  /** A number as that language writes it (1.024 or 1,024). */
  number: (n: number) => string;
}

export const message = (code: MessageCode, params?: Params, issues?: readonly IssueMessage[]): Message => ({
  code,
  ...(params ? { params } : {}),
  ...(issues ? { issues } : {}),
});

const ENCODED = /^([a-z][A-Za-z]*(?:\.[A-Za-z]+)?)(?: (\{.*\}))?$/s;

/** A message as a valibot `message` string: the code, then its parameters as JSON. */
export function encodeMessage(code: MessageCode, params?: Params): string {
  return params ? `${code} ${JSON.stringify(params)}` : code;
}

export const isMessageCode = (code: string): code is MessageCode => Object.hasOwn(CATALOGUE, code);

/** A valibot issue's message (or any text) read back as a message; text that is no code is the `text` message. */
export function decodeMessage(text: string): Message {
  const match = ENCODED.exec(text);
  if (match && isMessageCode(match[1]!)) {
    if (!match[2]) return { code: match[1] };
    try {
      const params = JSON.parse(match[2]) as unknown;
      if (params && typeof params === 'object' && !Array.isArray(params))
        return { code: match[1], params: params as Params };
    } catch {
      // not ours after all
    }
  }
  return { code: 'text', params: { text } };
}

/** Turns a message into text in the language of `texts`. Unknown codes (a newer server) fall back to `fallback`. */
export function formatMessage(texts: MessageTexts, m: Message | string, fallback?: string): string {
  const msg = typeof m === 'string' ? decodeMessage(m) : m;
  if (!isMessageCode(msg.code)) return fallback ?? msg.code;
  const say = (inner: Message) => formatMessage(texts, inner);
  const issues = (msg.issues ?? [])
    .map((issue) => printable(issue.path ? `${issue.path}: ${say(issue.message)}` : say(issue.message)))
    .join('; ');
  const params = { ...Object.fromEntries(paramNames(msg.code).map((name) => [name, ''])), ...msg.params } as never;
  return (texts.messages[msg.code] as (p: never, more: { issues: string; say: typeof say }) => string)(params, {
    issues,
    say,
  });
}

/** Control characters and lone surrogates written as \uXXXX, the rest as it is (a path can carry what a device sent). */
export function printable(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Valibot issues as the messages they carry, each with its dot path. */
export function issueMessages(issues: readonly v.BaseIssue<unknown>[]): IssueMessage[] {
  return issues.map((issue) => {
    const path = v.getDotPath(issue);
    return path ? { path, message: decodeMessage(issue.message) } : { message: decodeMessage(issue.message) };
  });
}
