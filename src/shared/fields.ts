/** @module Field types shared by several records, with Vietnamese messages shown to field users as they are. */
import * as v from 'valibot';
import { hasUnstorableText, isUnsafeKey } from './json-value';

/** Commune-level unit code of the General Statistics Office (5 digits), e.g. "21548" Đặc khu Lý Sơn. */
export const CommuneCode = v.pipe(v.string(), v.regex(/^\d{5}$/, 'Mã xã phải gồm 5 chữ số'));

/** Citizen identity card (căn cước công dân): 12 digits. */
export const CitizenId = v.pipe(v.string(), v.regex(/^\d{12}$/, 'Số CCCD phải gồm đúng 12 chữ số'));

/** Vietnamese mobile or landline number, with or without the +84 prefix. */
export const PhoneNumber = v.pipe(v.string(), v.regex(/^(0|\+84)\d{9,10}$/, 'Số điện thoại không hợp lệ (ví dụ 0912345678)'));

export const Uuid = v.pipe(v.string(), v.uuid('Mã không hợp lệ'));

/** A date as ISO `YYYY-MM-DD`, or only the year `YYYY` when that is all that is known. */
export const PartialDate = v.pipe(v.string(), v.regex(/^\d{4}(-\d{2}-\d{2})?$/, 'Ngày phải có dạng dd/mm/yyyy hoặc chỉ năm'));

/** Text PostgreSQL cannot store (U+0000) or that is not well-formed (a lone surrogate) is refused on both databases. */
const storable = (label: string) => v.check<string, string>((text) => !hasUnstorableText(text), `${label} chứa ký tự không lưu được (ký tự NUL hoặc mã hóa hỏng)`);

export const trimmed = (max: number, label: string) => v.pipe(v.string(), v.trim(), v.maxLength(max, `${label} dài quá ${max} ký tự`), storable(label));

export const required = (max: number, label: string) => v.pipe(trimmed(max, label), v.minLength(1, `Nhập ${label.toLowerCase()}`));

/**
 * Text that names or keys something (a relief round, an item name that is part of a duplicate key): also no
 * line breaks, tabs or other control characters — two keys that look the same must be the same.
 */
export const keyText = (max: number, label: string) =>
  v.pipe(trimmed(max, label), v.check((text) => !isUnsafeKey(text), `${label} chứa ký tự điều khiển`));

/** Validation issues as "field: message; …", for answers to a device and for logs of rejections. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .map((issue) => {
      // A path or a default message can carry what the device sent: made printable, so the reason is storable.
      const path = v.getDotPath(issue);
      return printable(path ? `${path}: ${issue.message}` : issue.message);
    })
    .join('; ');
}

/** Control characters and lone surrogates written as \uXXXX, the rest as it is. */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
