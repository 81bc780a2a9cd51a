/** Free-form values are bounded at the schema, checked without recursion; ids and keys refuse control characters. */
import { describe, expect, it } from 'vitest';
import { formatVi } from './messages-vi';
import type { Message } from './messages';
const vi = (m: Message | undefined) => m && formatVi(m);
import * as v from 'valibot';
import { Change, Mutation } from './protocol';
import { CaseFields } from './records/case';
import { DistributionData } from './records/distribution';
import {
  MAX_JSON_DEPTH,
  MAX_JSON_ITEMS_PER_ARRAY,
  MAX_JSON_KEYS_PER_OBJECT,
  MAX_JSON_SIZE,
  MAX_JSON_STRING_LENGTH,
  jsonProblem,
} from './json-value';
import { describeIssues } from './fields';

const ID = '01890a5d-ac96-774b-bcce-b302099a8057';
const nested = (depth: number): unknown => {
  let value: unknown = 'đáy';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};
const mutation = (op: unknown) => ({ seq: 1, id: ID, schema: 2, at: 1, stamp: '1-0001-x', op });
const issues = (schema: v.GenericSchema, input: unknown) => {
  const parsed = v.safeParse(schema, input);
  return parsed.success ? '' : describeIssues(parsed.issues);
};

describe('#9.4 bounded free-form values', () => {
  it('#9.4 a survey nested 100,000 levels deep is refused by the case schema, naming the field, without overflowing the stack', () => {
    const survey = {
      communeCode: '21548',
      kind: 'survey',
      subjectId: ID,
      note: '',
      data: { answers: nested(100_000) },
    };
    expect(issues(CaseFields, survey)).toMatch(/^data: .*lồng nhau quá 32 tầng/);
  });

  it('#9.4 every free-form place of a mutation is bounded: patch values, event and void data, a decision', () => {
    const deep = nested(MAX_JSON_DEPTH + 1);
    expect(
      issues(Mutation, mutation({ kind: 'patch', type: 'case', id: ID, fields: { data: [{ x: deep }, 0] } })),
    ).toMatch(/^op\.fields\.data\.0: .*lồng nhau/);
    expect(issues(Mutation, mutation({ kind: 'event', type: 'distribution', id: ID, data: { x: deep } }))).toMatch(
      /^op\.data: .*lồng nhau/,
    );
    expect(issues(Mutation, mutation({ kind: 'void', id: ID, data: { x: deep } }))).toMatch(/^op\.data: .*lồng nhau/);
    expect(issues(Mutation, mutation({ kind: 'resolve', id: ID, value: deep }))).toMatch(/^op\.value: .*lồng nhau/);
  });

  it('#9.4 a pulled record is bounded too, with room for the server wrapping a device value (conflict candidates)', () => {
    const change = (data: unknown) => ({ commune: '21548', version: 1, type: 'conflict', id: ID, data });
    expect(v.is(Change, change({ candidates: [{ value: nested(MAX_JSON_DEPTH - 1) }] }))).toBe(true);
    expect(issues(Change, change({ x: nested(3_900) }))).toMatch(/^data: .*lồng nhau/);
  });

  it('#9.4 real records pass: survey answers of depth 3, long notes, lists of members', () => {
    const answers = {
      indicators: { housing: { roof: 'tôn', area: 24 }, water: { source: 'giếng' } },
      scores: [1, 2, 3],
      note: 'x'.repeat(2_000),
    };
    expect(vi(jsonProblem(answers))).toBeUndefined();
    expect(
      vi(jsonProblem({ list: Array.from({ length: 200 }, (_, i) => ({ id: i, name: `Thành viên ${i}` })) })),
    ).toBeUndefined();
    // A relief round planned for every household of Lý Sơn.
    expect(vi(jsonProblem(Array.from({ length: 6_000 }, () => crypto.randomUUID())))).toBeUndefined();
  });

  it('#9.4 keys per object, items per array, string length and total size each have a named bound', () => {
    expect(
      vi(jsonProblem(Object.fromEntries(Array.from({ length: MAX_JSON_KEYS_PER_OBJECT + 1 }, (_, i) => [`k${i}`, i])))),
    ).toMatch(/khóa/);
    expect(vi(jsonProblem(new Array(MAX_JSON_ITEMS_PER_ARRAY + 1).fill(0)))).toMatch(/phần tử/);
    expect(vi(jsonProblem('x'.repeat(MAX_JSON_STRING_LENGTH + 1)))).toMatch(/chuỗi dài/);
    expect(
      vi(jsonProblem(Array.from({ length: Math.ceil(MAX_JSON_SIZE / 19_000) }, () => 'x'.repeat(19_000)))),
    ).toMatch(/lớn quá 1\.024 KB/);
    expect(vi(jsonProblem({ when: new Date(0) }))).toMatch(/JSON/);
    expect(vi(jsonProblem(Number.NaN))).toMatch(/số/);
  });

  it('#9.4 the check stops at the first bound: a huge array of deep values costs no more than the bound', () => {
    const wide = new Array(2_000_000).fill(nested(10));
    expect(vi(jsonProblem(wide))).toMatch(/phần tử/);
  });
});

describe('#9.5 ids and keys refuse control characters; no text is unstorable on PostgreSQL', () => {
  it('#9.5 a field name of a patch with NUL or a lone surrogate is refused, and the reason itself holds no NUL', () => {
    const reason = issues(
      Mutation,
      mutation({ kind: 'patch', type: 'household', id: ID, fields: { 'no\u0000tes': ['x', 0] } }),
    );
    expect(reason).toMatch(/Tên trường chứa ký tự điều khiển/);
    expect(reason).not.toContain('\u0000');
    expect(
      issues(Mutation, mutation({ kind: 'patch', type: 'household', id: ID, fields: { 'a\ud800': ['x', 0] } })),
    ).toMatch(/Tên trường/);
  });

  it('#9.5 a relief round or item name with a control character is refused, naming the field', () => {
    const handout = {
      communeCode: '21548',
      householdId: ID,
      roundId: 'lu',
      item: 'goods',
      itemName: 'Gạo',
      quantity: 1,
      unit: 'kg',
      recipientName: 'A',
      handedOutAt: 1,
    };
    expect(issues(DistributionData, { ...handout, roundId: 'lu\u0000' })).toMatch(/^roundId: Đợt cứu trợ chứa ký tự/);
    expect(issues(DistributionData, { ...handout, itemName: 'mì\ttôm' })).toMatch(
      /^itemName: Tên hàng chứa ký tự điều khiển/,
    );
    expect(issues(DistributionData, { ...handout, itemName: 'mì\udc00' })).toMatch(/^itemName: /);
    expect(issues(DistributionData, { ...handout, recipientName: 'A\u0000' })).toMatch(
      /^recipientName: Người nhận chứa ký tự không lưu được/,
    );
  });

  it('#9.5 keys deep inside a free-form value are checked too; text inside it is left to JSON escaping', () => {
    expect(vi(jsonProblem({ a: { 'b\u0001': 1 } }))).toMatch(/khóa/);
    expect(vi(jsonProblem({ a: [{ '\udc00': 1 }] }))).toMatch(/khóa/);
    expect(vi(jsonProblem({ note: 'dòng 1\ndòng 2\tcột', emoji: '😀', raw: 'x\u0000' }))).toBeUndefined();
  });
});
