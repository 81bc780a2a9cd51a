/** @module Field types shared by several records, with Vietnamese messages shown to field users as they are. */
import * as v from 'valibot';

/** Commune-level unit code of the General Statistics Office (5 digits), e.g. "21548" Đặc khu Lý Sơn. */
export const CommuneCode = v.pipe(v.string(), v.regex(/^\d{5}$/, 'Mã xã phải gồm 5 chữ số'));

/** Citizen identity card (căn cước công dân): 12 digits. */
export const CitizenId = v.pipe(v.string(), v.regex(/^\d{12}$/, 'Số CCCD phải gồm đúng 12 chữ số'));

/** Vietnamese mobile or landline number, with or without the +84 prefix. */
export const PhoneNumber = v.pipe(v.string(), v.regex(/^(0|\+84)\d{9,10}$/, 'Số điện thoại không hợp lệ (ví dụ 0912345678)'));

export const Uuid = v.pipe(v.string(), v.uuid('Mã không hợp lệ'));

/** A date as ISO `YYYY-MM-DD`, or only the year `YYYY` when that is all that is known. */
export const PartialDate = v.pipe(v.string(), v.regex(/^\d{4}(-\d{2}-\d{2})?$/, 'Ngày phải có dạng dd/mm/yyyy hoặc chỉ năm'));

export const trimmed = (max: number, label: string) => v.pipe(v.string(), v.trim(), v.maxLength(max, `${label} dài quá ${max} ký tự`));

export const required = (max: number, label: string) => v.pipe(trimmed(max, label), v.minLength(1, `Nhập ${label.toLowerCase()}`));

/** Validation issues as "field: message; …", for answers to a device and for logs of rejections. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
