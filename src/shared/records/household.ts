/**
 * @module The household record: its fields and their validation, shared by the app (forms, IndexedDB reads) and
 * the server (sync input). Messages are Vietnamese first because they are shown to field users as they are.
 */
import * as v from 'valibot';

/** Commune-level unit code of the General Statistics Office (5 digits), e.g. "22894" Đặc khu Lý Sơn. */
export const CommuneCode = v.pipe(v.string(), v.regex(/^\d{5}$/, 'Mã xã phải gồm 5 chữ số'));

/** Citizen identity card (căn cước công dân): 12 digits. */
export const CitizenId = v.pipe(v.string(), v.regex(/^\d{12}$/, 'Số CCCD phải gồm đúng 12 chữ số'));

/** Vietnamese mobile or landline number, with or without the +84 prefix. */
export const PhoneNumber = v.pipe(
  v.string(),
  v.regex(/^(0|\+84)\d{9,10}$/, 'Số điện thoại không hợp lệ (ví dụ 0912345678)'),
);

const trimmed = (max: number, label: string) =>
  v.pipe(v.string(), v.trim(), v.maxLength(max, `${label} dài quá ${max} ký tự`));

export const Area = v.picklist(['rural', 'urban'], 'Khu vực phải là nông thôn hoặc thành thị');
export type Area = v.InferOutput<typeof Area>;

/** The editable fields of a household, as a user fills them in. */
export const HouseholdFields = v.object({
  headName: v.pipe(trimmed(120, 'Họ tên chủ hộ'), v.minLength(2, 'Nhập họ tên chủ hộ')),
  communeCode: CommuneCode,
  village: v.pipe(trimmed(100, 'Thôn/tổ dân phố'), v.minLength(1, 'Nhập thôn/tổ dân phố')),
  address: trimmed(200, 'Địa chỉ'),
  phone: v.optional(PhoneNumber),
  headCitizenId: v.optional(CitizenId),
  area: Area,
  notes: trimmed(1000, 'Ghi chú'),
});
export type HouseholdFields = v.InferOutput<typeof HouseholdFields>;
export const HOUSEHOLD_FIELD_NAMES = Object.keys(HouseholdFields.entries) as (keyof HouseholdFields)[];

/** A patch: any subset of the fields. `null` clears an optional field. */
export const HouseholdPatch = v.record(v.picklist(HOUSEHOLD_FIELD_NAMES), v.union([v.string(), v.null()]));
export type HouseholdPatch = Partial<Record<keyof HouseholdFields, string | null>>;

/** Applies a patch to (possibly absent) current fields; validation happens on the result, not on the patch. */
export function applyHouseholdPatch(current: Partial<HouseholdFields> | undefined, patch: HouseholdPatch): Record<string, unknown> {
  const next: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}

/** A household as stored: fields plus server bookkeeping. `version` is 0 until the server has seen it. */
export const Household = v.object({
  ...HouseholdFields.entries,
  id: v.pipe(v.string(), v.uuid('Mã hộ không hợp lệ')),
  version: v.pipe(v.number(), v.integer(), v.minValue(0)),
  updatedAt: v.pipe(v.number(), v.integer()),
});
export type Household = v.InferOutput<typeof Household>;

/** First validation issue as "field: message", for answers to a device and for forms. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
