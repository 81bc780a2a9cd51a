/** Issue 10: every message code has a Vietnamese and an English text, and each renders whole. */
import { describe, expect, it } from 'vitest';
import { MESSAGE_CODES, decodeMessage, encodeMessage, formatMessage, message, paramNames } from './messages';
import { formatVi, messagesVi } from './messages-vi';
import { messagesEn } from '../ui/i18n/messages-en';

const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;
const SAMPLE: Record<string, string | number> = {
  text: 'some text',
  label: 'headName',
  max: 120,
  problem: 'json.tooDeep',
  kb: 1024,
  date: '03/12/2026',
  role: 'province_staff',
  action: 'create',
  kind: 'household',
  status: 'submitted',
  command: 'approve',
  commune: '21484',
  id: 'abc',
  field: 'phone',
  count: 3,
  error: 'DataCloneError',
  expected: 7,
  encoding: 'br',
  seconds: 8,
  at: '14:05:08',
  year: 1900,
  unit: 'kg',
  thousands: '1500',
  decimal: '1,5',
  village: 'Ben Dinh',
  // Issue 12, the chairman's decision.
  startMonth: '2026-02',
  filedMonth: '2026-03',
  coefficient: 1.5,
  amount: 750_000,
  form: '1d',
  number: '15/QD-UBND',
  // Issue 12, a change to an allowance decided.
  change: 'resume',
  state: 'active',
  month: '2026-08',
  // Issue 13, the payer's returned list.
  mb: 5,
  column: 'amount',
  line: 3,
  row: 7,
  rows: '9, 12',
  lines: '1, 4',
  citizenId: '051144000123',
  total: 1_000_000,
};

describe('the message catalogue', () => {
  it('#12 a change that does not fit says what it is and where the allowance stands, in words', () => {
    const m = message('reject.changeNotApplicable', { change: 'resume', state: 'active', month: '2026-08' });
    expect(formatMessage(messagesVi, m)).toBe('Không thể hưởng lại từ tháng 08/2026: trợ cấp khi đó đang hưởng.');
    expect(formatMessage(messagesEn, m)).toBe('Cannot resume from 08/2026: the allowance is then being paid.');
  });
  it("#12 a decision that differs says what the rules give, in each language's numbers", () => {
    const differs = message('reject.decisionDiffers', { coefficient: 1.5, amount: 750_000 });
    expect(formatMessage(messagesVi, differs)).toBe(
      'Theo quy định: hệ số 1,5, 750.000 đ/tháng; ghi lý do nếu quyết định khác.',
    );
    expect(formatMessage(messagesEn, differs)).toBe(
      'The rules give: coefficient 1.5, 750,000 VND/month; give the reason if the decision differs.',
    );
  });

  it('has a Vietnamese and an English text for every code, with no "undefined" and no Vietnamese in English', () => {
    for (const code of MESSAGE_CODES) {
      expect(Object.keys(messagesVi.messages)).toContain(code);
      expect(Object.keys(messagesEn.messages)).toContain(code);
      const params = Object.fromEntries(paramNames(code).map((name) => [name, SAMPLE[name] ?? `<${name}>`]));
      const sample = message(code, params, [{ path: 'data.headName', message: message('household.headName') }]);
      const vi = formatMessage(messagesVi, sample);
      const en = formatMessage(messagesEn, sample);
      for (const text of [vi, en]) {
        expect(text, code).not.toMatch(/undefined|\[object Object\]|<\w+>/);
        expect(text.length, code).toBeGreaterThan(0);
      }
      expect(en, `${code}: ${en}`).not.toMatch(VIETNAMESE);
    }
  });

  it('gives every word a message is made of in both languages', () => {
    for (const part of [
      'labels',
      'roles',
      'actions',
      'kinds',
      'statuses',
      'duplicateReasons',
      'storeErrors',
    ] as const) {
      expect(Object.keys(messagesEn[part]).sort(), part).toEqual(Object.keys(messagesVi[part]).sort());
      for (const word of Object.values(messagesEn[part])) expect(word, part).not.toMatch(VIETNAMESE);
    }
  });

  it('names a refused workflow step in words, never by its code (issue 12: "không thể verify nữa")', () => {
    for (const command of ['submit', 'verify', 'post', 'approve', 'reject', 'return']) {
      const refusal = message('reject.caseStatus', { status: 'approved', command });
      expect(formatVi(refusal)).not.toContain(command);
      expect(formatMessage(messagesEn, refusal)).not.toMatch(new RegExp(`\\b${command}\\b`));
    }
    expect(formatVi(message('reject.caseStatus', { status: 'posted', command: 'verify' }))).toBe(
      'Hồ sơ đang ở trạng thái "đang niêm yết", không thể ghi đối chiếu nữa.',
    );
  });

  it('travels as a valibot message and back; other text is shown as it is', () => {
    expect(decodeMessage(encodeMessage('field.tooLong', { label: 'notes', max: 1000 }))).toEqual({
      code: 'field.tooLong',
      params: { label: 'notes', max: 1000 },
    });
    expect(formatVi(encodeMessage('field.tooLong', { label: 'notes', max: 1000 }))).toBe('Ghi chú dài quá 1000 ký tự');
    expect(decodeMessage('Bản ghi đã bị xóa trên máy chủ')).toEqual({
      code: 'text',
      params: { text: 'Bản ghi đã bị xóa trên máy chủ' },
    });
    expect(formatMessage(messagesEn, 'Invalid type: Expected string')).toBe('Invalid type: Expected string');
    // A code from a newer server this app does not know: the Vietnamese text sent beside it.
    expect(formatMessage(messagesEn, { code: 'reject.fromTheFuture' as never }, 'Lý do mới')).toBe('Lý do mới');
  });

  it('says in Vietnamese exactly what the server said before codes', () => {
    expect(
      formatVi(message('reject.notPermitted', { role: 'province_staff', action: 'create', kind: 'household' })),
    ).toBe('Vai trò cán bộ tỉnh không được tạo hộ gia đình.');
    expect(
      formatVi(
        message('reject.invalidData', undefined, [
          { path: 'headCitizenId', message: message('field.citizenId') },
          { message: message('text', { text: 'x\u0000' }) },
        ]),
      ),
    ).toBe('Dữ liệu không hợp lệ — headCitizenId: Số CCCD phải gồm đúng 12 chữ số; x\\u0000');
    expect(formatVi(message('json.invalid', { problem: 'json.tooLarge', kb: 1024 }))).toBe(
      'Dữ liệu không hợp lệ: dữ liệu lớn quá 1.024 KB',
    );
  });
});
