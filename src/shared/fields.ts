/** @module Field types shared by several records; their messages are codes (src/shared/messages.ts) the screens translate. */
import * as v from 'valibot';
import { hasUnstorableText, isUnsafeKey } from './json-value';
import { encodeMessage, issueMessages, type FieldLabel } from './messages';
import { formatVi } from './messages-vi';

/** Commune-level unit code of the General Statistics Office (5 digits), e.g. "21548" Đặc khu Lý Sơn. */
export const CommuneCode = v.pipe(v.string(), v.regex(/^\d{5}$/, encodeMessage('field.communeCode')));

/** Citizen identity card (căn cước công dân): 12 digits. */
export const CitizenId = v.pipe(v.string(), v.regex(/^\d{12}$/, encodeMessage('field.citizenId')));

/** Vietnamese mobile or landline number, with or without the +84 prefix. */
export const PhoneNumber = v.pipe(v.string(), v.regex(/^(0|\+84)\d{9,10}$/, encodeMessage('field.phone')));

export const Uuid = v.pipe(v.string(), v.uuid(encodeMessage('field.uuid')));

/** The earliest year a date of the registry may name (a birth, a certificate, a review): older is a typing slip. */
export const EARLIEST_YEAR = 1900;

/** `YYYY-MM-DD` that is a day of the calendar (not 31/02), or `YYYY`. Shape is checked before. */
export function isCalendarDate(iso: string): boolean {
  if (/^\d{4}$/.test(iso)) return true;
  const day = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === iso;
}

/** A date's year is not before EARLIEST_YEAR. The future is each kind's `dated` (clock-bounds.ts), by the server's clock. */
const fromEarliestYear = v.check<string, string>(
  (iso) => Number(iso.slice(0, 4)) >= EARLIEST_YEAR,
  encodeMessage('date.beforeEarliest', { year: EARLIEST_YEAR }),
);
const onTheCalendar = v.check<string, string>(isCalendarDate, encodeMessage('date.notOnCalendar'));

/**
 * A date as stored: ISO `YYYY-MM-DD`, a day that exists, or only the year `YYYY` when that is all that is known.
 * Any year: a record synced before the rule "from 1900" keeps its date, readable and editable (issue 11); the rule
 * is for what is typed (`EnteredPartialDate`, a kind's `entry` rules in records/kinds.ts).
 */
export const PartialDate = v.pipe(
  v.string(),
  v.regex(/^\d{4}(-\d{2}-\d{2})?$/, encodeMessage('field.partialDate')),
  onTheCalendar,
);

/** A full date as stored: ISO `YYYY-MM-DD`, a day that exists (any year, as `PartialDate`). */
export const IsoDay = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, encodeMessage('field.date')), onTheCalendar);

/** A date as a user types it: a `PartialDate` from EARLIEST_YEAR on. */
export const EnteredPartialDate = v.pipe(PartialDate, fromEarliestYear);

/** A full date as a user types it: an `IsoDay` from EARLIEST_YEAR on. */
export const EnteredIsoDay = v.pipe(IsoDay, fromEarliestYear);

/** Text PostgreSQL cannot store (U+0000) or that is not well-formed (a lone surrogate) is refused on both databases. */
const storable = (label: FieldLabel) =>
  v.check<string, string>((text) => !hasUnstorableText(text), encodeMessage('field.unstorable', { label }));

export const trimmed = (max: number, label: FieldLabel) =>
  v.pipe(v.string(), v.trim(), v.maxLength(max, encodeMessage('field.tooLong', { label, max })), storable(label));

export const required = (max: number, label: FieldLabel) =>
  v.pipe(trimmed(max, label), v.minLength(1, encodeMessage('field.required', { label })));

/**
 * Text that names or keys something (a relief round, an item name that is part of a duplicate key): also no
 * line breaks, tabs or other control characters — two keys that look the same must be the same.
 */
export const keyText = (max: number, label: FieldLabel) =>
  v.pipe(
    trimmed(max, label),
    v.check((text) => !isUnsafeKey(text), encodeMessage('field.controlChars', { label })),
  );

// Issue 11, device names: what the user calls this device, sent with each sync and shown on the officer's desk.
export const MAX_DEVICE_NAME = 60;
/** A device's name ("Máy tính bảng thôn Đông"): short, one line, no control characters; empty means unnamed. */
export const DeviceName = keyText(MAX_DEVICE_NAME, 'deviceName');

/** Validation issues as "field: message; …" in Vietnamese, for logs and the `reason` of older apps. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return formatVi({ code: 'issues', issues: issueMessages(issues) });
}
