/**
 * Issue 12, the commune officer's allowance desk in real Chromium at 800×1280 against the real server. Two
 * applications are filed from a collaborator's device: an elderly woman's (form 1d) and a form 1b one with HIV
 * status in the case's sensitive field. The officer opens the first from the desk, records the ID check, posts it;
 * prints the posting list to PDF, which names both applicants and never HIV; records the chairman's decision
 * (pre-filled from the engine's proposal); and the beneficiary register shows her with the amount decided.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../support/browser';
import { vnDay } from '../support/vn-day';
import { TABLET, appWorld, demoDevice, signIn, synced } from '../support/app-world';
import { pdfText } from '../support/pdf-text';
import {
  LY_SON,
  DEMO_VILLAGE,
  allowanceApplication,
  createMutation,
  memberFields,
  mutation,
  patchMutation,
} from '../support/fixtures';
import { proposeAllowance } from '../../src/shared/allowance-proposal';
import { formatVnd } from '../../src/ui/format';
import { formatVnDate } from '../../src/ui/dates';
import { answerDeadline } from '../../src/domain/packs/national/deadlines';

const available = chromiumAvailable('e2e allowance desk');

describe.skipIf(!available)('e2e: the allowance desk', () => {
  const world = appWorld();

  it('verifies, posts, prints a posting list without HIV, records the decision, and the register shows the amount', async () => {
    const household = randomUUID();
    const elderly = randomUUID();
    const kin = randomUUID();
    const elderlyCase = randomUUID();
    const kinCase = randomUUID();
    const filedOn = vnDay(3);
    const hoa = allowanceApplication({ filedOn });
    const kinApplication = allowanceApplication({
      form: '1b',
      filedOn,
      applicant: { ...hoa.applicant, fullName: 'Trần Văn Kín', sex: 'male', birthDate: '1985-01-01' },
      papers: ['residence', 'citizen-id', 'hiv-certificate'],
      facts: { income: { stableMonthlyIncome: false } },
    });
    const collaborator = await demoDevice(world.server.url, 'ctv.lyson');
    expect(
      await collaborator(
        (s) => createMutation(s, { headName: 'Nguyễn Thị Hoa', village: DEMO_VILLAGE }, household),
        (s) =>
          patchMutation(
            s,
            elderly,
            memberFields(household, { fullName: 'Nguyễn Thị Hoa', birthDate: '1944-05-10' }),
            0,
            'member',
          ),
        (s) =>
          patchMutation(
            s,
            kin,
            memberFields(household, { fullName: 'Trần Văn Kín', birthDate: '1985-01-01', sex: 'male' }),
            0,
            'member',
          ),
        (s) =>
          patchMutation(
            s,
            elderlyCase,
            { kind: 'allowance', subjectId: elderly, communeCode: LY_SON, note: '', data: hoa },
            0,
            'case',
          ),
        (s) => mutation(s, { kind: 'command', id: elderlyCase, command: 'submit' }),
        (s) =>
          patchMutation(
            s,
            kinCase,
            {
              kind: 'allowance',
              subjectId: kin,
              communeCode: LY_SON,
              note: '',
              data: kinApplication,
              sensitive: { hiv: true },
            },
            0,
            'case',
          ),
        (s) => mutation(s, { kind: 'command', id: kinCase, command: 'submit' }),
      ),
    ).toEqual(['applied', 'applied', 'applied', 'applied', 'applied', 'applied', 'applied']);
    // Another officer's device takes the form 1b dossier to the posting: it must be on the printed list too.
    const otherOfficer = await demoDevice(world.server.url, 'canbo.lyson');
    expect(
      await otherOfficer(
        (s) =>
          mutation(s, {
            kind: 'command',
            id: kinCase,
            command: 'verify',
            payload: { checkedOn: vnDay(1), result: 'matches' },
          }),
        (s) => mutation(s, { kind: 'command', id: kinCase, command: 'post' }),
      ),
    ).toEqual(['applied', 'applied']);

    const context = await world.browser.newContext({ viewport: TABLET });
    const officer = await signIn(context, world.server.url, 'canbo.lyson');
    await officer.getByRole('link', { name: 'Duyệt hồ sơ' }).click();
    const dossiers = officer.getByTestId('allowance-dossiers');
    await expect.poll(() => dossiers.getByTestId('allowance-row').count()).toBe(2);
    // The list names the form 1b dossier neutrally.
    expect(await dossiers.getByTestId('allowance-row').filter({ hasText: 'Trần Văn Kín' }).textContent()).toContain(
      'Đối tượng theo Điều 5',
    );
    expect(await dossiers.textContent()).not.toMatch(/hiv/i);
    // Each open dossier with the day its decision is due: 10 working days after it was filed.
    const due = answerDeadline({ step: 'chairman-decision', from: filedOn, asOf: vnDay(0) });
    const hoaRow = dossiers.getByTestId('allowance-row').filter({ hasText: 'Nguyễn Thị Hoa' });
    expect(await hoaRow.getByTestId('allowance-deadline').textContent()).toContain(
      `Hạn ra quyết định ${formatVnDate(due.due)} (còn ${due.daysLeft} ngày làm việc)`,
    );

    await dossiers.getByRole('link', { name: 'Nguyễn Thị Hoa' }).click();
    await officer.waitForURL(`**/allowances/${elderlyCase}`);
    const status = officer.getByTestId('allowance-status');
    await expect.poll(() => status.textContent()).toBe('đã gửi');
    const month = vnDay(0).slice(0, 7);
    const proposal = proposeAllowance(hoa, undefined, LY_SON, month);
    expect(proposal.amount).toBeGreaterThan(0);
    expect(await officer.getByTestId('allowance-proposal').textContent()).toContain(formatVnd(proposal.amount));
    // Only the steps the workflow allows in this status.
    const commands = officer.getByTestId('allowance-commands');
    expect(await commands.getByRole('button').allTextContents()).toEqual([
      'Đã đối chiếu CSDL dân cư',
      'Từ chối',
      'Trả lại',
    ]);

    await commands.getByRole('button', { name: 'Đã đối chiếu CSDL dân cư' }).click();
    const verify = officer.getByTestId('form-verify');
    await verify.getByLabel('Kết quả đối chiếu').selectOption('matches');
    await verify.getByLabel('Ghi chú').fill('Khớp họ tên, ngày sinh, số CCCD');
    await verify.getByRole('button', { name: 'Ghi nhận' }).click();
    await synced(officer);
    await expect.poll(() => status.textContent()).toBe('đã thẩm định');

    await commands.getByRole('button', { name: 'Niêm yết công khai' }).click();
    await officer.getByTestId('form-post').getByRole('button', { name: 'Ghi nhận' }).click();
    await synced(officer);
    await expect.poll(() => status.textContent()).toBe('đang niêm yết');

    // The posting list, printed on A4: both applicants, their category or the neutral wording, never HIV.
    await officer.getByRole('link', { name: '← Quay lại' }).click();
    await officer.getByRole('link', { name: 'Danh sách niêm yết' }).click();
    await expect.poll(() => officer.getByTestId('posting-row').count()).toBe(2);
    await officer.emulateMedia({ media: 'print' });
    expect(await officer.locator('.status-bar').isVisible()).toBe(false);
    const pdf = await officer.pdf({ format: 'A4' });
    await officer.emulateMedia({ media: 'screen' });
    const printed = pdfText(pdf);
    const squashed = printed.replace(/\s+/g, '');
    expect(squashed).toContain('DANHSÁCHNIÊMYẾTCÔNGKHAI');
    expect(squashed).toContain('NguyễnThịHoa');
    expect(squashed).toContain('TrầnVănKín');
    expect(squashed).toContain('Đốitượngbảotrợxãhội(Điều5Nghịđịnh20/2021)');
    expect(squashed).toContain(formatVnd(proposal.amount).replace(/\s+/g, ''));
    expect(printed).not.toMatch(/hiv|aids/i);

    // The chairman's decision, pre-filled from the engine's proposal.
    await officer.goto(`${world.server.url}/allowances/${elderlyCase}`);
    await commands.getByRole('button', { name: 'Ghi quyết định' }).click();
    const decision = officer.getByTestId('form-approve');
    expect(await decision.getByLabel('Mức trợ cấp (đồng/tháng)').inputValue()).toBe(
      formatVnd(proposal.amount).replace(' đ', ''),
    );
    await decision.getByLabel('Số quyết định').fill('125/QĐ-UBND');
    await decision.getByLabel('Người ký').fill('Nguyễn Văn Chủ');
    expect(await decision.getByTestId('decision-differs').count()).toBe(0);
    // Another amount than the engine's stands only with a reason: the form asks for it before anything is sent.
    const amount = decision.getByLabel('Mức trợ cấp (đồng/tháng)');
    await amount.fill(formatVnd(proposal.amount + 100_000).replace(' đ', ''));
    await expect.poll(() => decision.getByTestId('decision-differs').count()).toBe(1);
    await decision.getByRole('button', { name: 'Ghi nhận' }).click();
    expect(await decision.getByRole('alert').textContent()).toBe(
      'Quyết định khác với đề xuất của hệ thống: cần ghi lý do.',
    );
    expect(await decision.getByLabel('Lý do mức khác với đề xuất (bắt buộc)').count()).toBe(1);
    await amount.fill(formatVnd(proposal.amount).replace(' đ', ''));
    await expect.poll(() => decision.getByTestId('decision-differs').count()).toBe(0);
    await decision.getByRole('button', { name: 'Ghi nhận' }).click();
    await synced(officer);
    await expect.poll(() => status.textContent()).toBe('đã phê duyệt');
    expect(await officer.getByTestId('allowance-rejection').count()).toBe(0);

    await officer.getByRole('link', { name: '← Quay lại' }).click();
    await officer.getByRole('link', { name: 'Danh sách đối tượng đang hưởng' }).click();
    const row = officer.getByTestId('register-row').filter({ hasText: 'Nguyễn Thị Hoa' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain(formatVnd(proposal.amount));
    expect(await row.textContent()).toContain('125/QĐ-UBND');
    expect(await officer.getByTestId('register-total').textContent()).toBe(
      `1 người · tổng ${formatVnd(proposal.amount)}/tháng`,
    );
    await context.close();
  }, 120_000);

  it('shows the server’s refusal of a step on the dossier in Vietnamese, and a collaborator’s tablet never holds the form 1b dossier', async () => {
    const household = randomUUID();
    const person = randomUUID();
    const dossier = randomUUID();
    const application = allowanceApplication({
      form: '1b',
      // Filed a month ago: overdue.
      filedOn: vnDay(30),
      applicant: { ...allowanceApplication().applicant, fullName: 'Lê Văn Lặng', sex: 'male', birthDate: '1986-02-03' },
      papers: ['residence', 'citizen-id', 'hiv-certificate'],
      facts: { income: { stableMonthlyIncome: false } },
    });
    const collaboratorDevice = await demoDevice(world.server.url, 'ctv.lyson');
    expect(
      await collaboratorDevice(
        (s) => createMutation(s, { headName: 'Lê Văn Lặng', village: DEMO_VILLAGE }, household),
        (s) =>
          patchMutation(
            s,
            person,
            memberFields(household, { fullName: 'Lê Văn Lặng', birthDate: '1986-02-03', sex: 'male' }),
            0,
            'member',
          ),
        (s) =>
          patchMutation(
            s,
            dossier,
            {
              kind: 'allowance',
              subjectId: person,
              communeCode: LY_SON,
              note: '',
              data: application,
              sensitive: { hiv: true },
            },
            0,
            'case',
          ),
        (s) => mutation(s, { kind: 'command', id: dossier, command: 'submit' }),
      ),
    ).toEqual(['applied', 'applied', 'applied', 'applied']);

    const context = await world.browser.newContext({ viewport: TABLET });
    const officer = await signIn(context, world.server.url, 'canbo.lyson');
    await officer.goto(`${world.server.url}/allowances/${dossier}`);
    await expect.poll(() => officer.getByTestId('allowance-status').textContent()).toBe('đã gửi');
    expect(await officer.getByTestId('allowance-deadline').textContent()).toMatch(
      /^Quá hạn Hạn ra quyết định \d{2}\/\d{2}\/\d{4} \(quá hạn \d+ ngày làm việc\)/,
    );
    // The officer sees the form's own title and the HIV status on this page.
    expect(await officer.getByTestId('allowance-application').textContent()).toContain('Mẫu 1b — Người nhiễm HIV/AIDS');
    await context.setOffline(true);
    await officer.getByTestId('allowance-commands').getByRole('button', { name: 'Đã đối chiếu CSDL dân cư' }).click();
    await officer.getByTestId('form-verify').getByRole('button', { name: 'Ghi nhận' }).click();
    // Meanwhile another officer returns the dossier: the step from this tablet comes too late.
    const otherOfficer = await demoDevice(world.server.url, 'canbo.lyson');
    expect(
      await otherOfficer((s) =>
        mutation(s, { kind: 'command', id: dossier, command: 'return', comment: 'Thiếu giấy xác nhận cư trú' }),
      ),
    ).toEqual(['applied']);
    await context.setOffline(false);
    await synced(officer);
    await expect
      .poll(() => officer.getByTestId('allowance-rejection').textContent())
      .toContain('Máy chủ từ chối: Hồ sơ đang ở trạng thái "đã trả lại"');
    await expect.poll(() => officer.getByTestId('allowance-status').textContent()).toBe('đã trả lại');

    // A collaborator's tablet is never sent a form 1b dossier (the server sends a removal): opened by its address,
    // the page says it is not on this device, and nothing on it tells HIV status or the person.
    const field = await world.browser.newContext({ viewport: TABLET });
    const ctv = await signIn(field, world.server.url, 'ctv.lyson');
    await ctv.goto(`${world.server.url}/allowances/${dossier}`);
    await expect.poll(() => ctv.locator('main').textContent()).toContain('Hồ sơ này không có trên máy.');
    expect(await ctv.locator('main').textContent()).not.toMatch(/hiv|aids|Lê Văn Lặng/i);
    expect(await ctv.getByTestId('allowance-commands').count()).toBe(0);
    await Promise.all([context.close(), field.close()]);
  }, 120_000);
});
