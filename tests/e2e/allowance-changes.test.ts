/**
 * Issue 12, changes to a decided allowance (Decree 20/2021 Art. 8–9, Circular 02/2021 Art. 2) in real Chromium at
 * 800×1280 against the real server. Two beneficiaries are approved through the server from two months ago: one who
 * turns 80 this month and one who died last month. The officer's register shows the engine's proposal for the one
 * turning 80; from it the change form opens pre-filled, is sent with the network off and reaches the server once on
 * reconnect; the decision, pre-filled from the engine, puts the new amount on the register. The death is proposed
 * and decided: the row reads "Thôi hưởng" with the burial support, and the monthly total drops it.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../support/browser';
import { TABLET, appWorld, demoDevice, signIn, synced } from '../support/app-world';
import {
  BA_TO,
  LY_SON,
  DEMO_VILLAGE,
  allowanceApplication,
  createMutation,
  memberFields,
  mutation,
  patchMutation,
} from '../support/fixtures';
import { proposeAllowance } from '../../src/shared/allowance-proposal';
import { adjustedApplication, grantStanding } from '../../src/shared/allowance-history';
import { addMonths } from '../../src/domain/common/dates';
import type { AllowanceDecision } from '../../src/shared/records/allowance';
import type { AllowanceChange, ChangeDecision } from '../../src/shared/records/allowance-change';
import { childrenOf } from '../../sync-server/src/store/records';
import { DEMO_ACCOUNTS } from '../../sync-server/src/seed/demo';
import { ETHNIC_GROUPS } from '../../src/shared/reference/ethnic-groups';
import { formatVnd, formatNumber } from '../../src/ui/format';
import { formatVnDate } from '../../src/ui/dates';

const available = chromiumAvailable('e2e allowance changes');

/** Letters only Vietnamese writes (as tests/e2e/english.test.ts reads them). */
const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

/** Today in Vietnam. */
const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const thisMonth = today.slice(0, 7);
const mmYyyy = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;
const money = (amount: number) => formatVnd(amount).replace(' đ', '');

describe.skipIf(!available)('e2e: changes to a decided allowance', () => {
  const world = appWorld();

  /** Everyone seeded in this file: data, shown as it is in any language (the register lists them all). */
  const seeded: string[] = [];

  /** A beneficiary filed and decided from two months ago through the server, as other devices would have. */
  async function beneficiary(fullName: string, birthDate: string) {
    seeded.push(fullName);
    const household = randomUUID();
    const member = randomUUID();
    const grant = randomUUID();
    const startMonth = addMonths(thisMonth, -2);
    const application = allowanceApplication({
      filedOn: `${startMonth}-05`,
      applicant: { ...allowanceApplication().applicant, fullName, birthDate },
    });
    const proposal = proposeAllowance(application, undefined, LY_SON, startMonth, thisMonth);
    expect(proposal.categoryCode).toBe('elderly-poor-no-supporter-60-to-80');
    const decision: AllowanceDecision = {
      number: `${Math.floor(Math.random() * 900) + 100}/QĐ-UBND`,
      signedOn: today,
      signer: 'Nguyễn Văn Chủ',
      categoryCode: proposal.categoryCode ?? '',
      coefficient: proposal.coefficient,
      amount: proposal.amount,
      startMonth,
    };
    const collaborator = await demoDevice(world.server.url, 'ctv.lyson');
    expect(
      await collaborator(
        (s) => createMutation(s, { headName: fullName, village: DEMO_VILLAGE }, household),
        (s) => patchMutation(s, member, memberFields(household, { fullName, birthDate }), 0, 'member'),
        (s) =>
          patchMutation(
            s,
            grant,
            { kind: 'allowance', subjectId: member, communeCode: LY_SON, note: '', data: application },
            0,
            'case',
          ),
        (s) => mutation(s, { kind: 'command', id: grant, command: 'submit' }),
      ),
    ).toEqual(['applied', 'applied', 'applied', 'applied']);
    const officer = await demoDevice(world.server.url, 'canbo.lyson');
    expect(
      await officer(
        (s) =>
          mutation(s, {
            kind: 'command',
            id: grant,
            command: 'verify',
            payload: { checkedOn: today, result: 'matches' },
          }),
        (s) => mutation(s, { kind: 'command', id: grant, command: 'post' }),
        (s) => mutation(s, { kind: 'command', id: grant, command: 'approve', payload: decision }),
      ),
    ).toEqual(['applied', 'applied', 'applied']);
    return { member, grant, application, decision };
  }

  /** The change cases of a member as the server holds them. */
  async function serverChanges(member: string) {
    return (await childrenOf(world.server.db, member)).filter((r) => r.data.kind === 'allowance-change');
  }

  it('proposes turning 80 from the register, offline, decides it and the register pays the new amount; a death stops it with burial support', async () => {
    // 80 on the first of this month: the higher level runs from this month (Art. 8(1)(đ)).
    const eighty = `${Number(today.slice(0, 4)) - 80}-${today.slice(5, 7)}-01`;
    const tam = await beneficiary('Phạm Văn Tám', eighty);
    const mat = await beneficiary('Lê Thị Mất', '1950-03-10');
    const before = proposeAllowance(tam.application, undefined, LY_SON, thisMonth);
    expect(before.categoryCode).toBe('elderly-poor-no-supporter-80-plus');

    const context = await world.browser.newContext({ viewport: TABLET });
    const page = await signIn(context, world.server.url, 'canbo.lyson');
    await page.getByRole('link', { name: 'Duyệt hồ sơ' }).click();
    await page.getByRole('link', { name: 'Danh sách đối tượng đang hưởng' }).click();
    const rowOf = (name: string) => page.getByTestId('register-row').filter({ hasText: name });
    await expect.poll(() => rowOf('Phạm Văn Tám').count()).toBe(1);
    // Before any change both are paid the grant's level for this month.
    const grantNow = grantStanding({ caseId: tam.grant, decision: tam.decision }, [], thisMonth).line?.amount ?? 0;
    expect(grantNow).toBeGreaterThan(0);
    expect(await rowOf('Phạm Văn Tám').getByTestId('register-state').textContent()).toBe('Đang hưởng');
    expect(await rowOf('Phạm Văn Tám').getByTestId('register-amount').textContent()).toBe(formatVnd(grantNow));
    expect(await page.getByTestId('register-total').textContent()).toBe(
      `2 người · tổng ${formatVnd(2 * grantNow)}/tháng`,
    );

    // The engine's proposal: 80 this month, coefficient 2.
    const due = page.getByTestId('due-change').filter({ hasText: 'Phạm Văn Tám' });
    await expect.poll(() => due.count()).toBe(1);
    expect(await due.textContent()).toContain(`Từ ${mmYyyy(thisMonth)}`);
    expect(await due.textContent()).toContain(`hệ số ${formatNumber(before.coefficient)}`);
    await due.getByRole('link', { name: 'Lập đề nghị' }).click();
    await page.waitForURL(new RegExp(`/allowances/${tam.grant}\\?propose=adjust`));
    const form = page.getByTestId('change-form');
    await expect.poll(() => form.count()).toBe(1);
    expect(await form.getByLabel('Loại thay đổi').inputValue()).toBe('adjust');
    expect(await form.getByLabel('Áp dụng từ tháng (mm/yyyy)').inputValue()).toBe(mmYyyy(thisMonth));
    // Only the kinds that fit a grant being paid.
    expect(await form.getByLabel('Loại thay đổi').locator('option').allTextContents()).toEqual([
      'Điều chỉnh mức hưởng',
      'Thôi hưởng',
      'Tạm dừng',
      'Chuyển đi nơi khác',
    ]);

    // Proposed with the network off: kept on the tablet, sent once on reconnect.
    await context.setOffline(true);
    await form.getByLabel('Lý do').selectOption('turned-age');
    await form.getByRole('button', { name: 'Gửi đề nghị' }).click();
    const panel = page.getByTestId('change-panel');
    await expect.poll(() => panel.getByTestId('change-row').count()).toBe(1);
    expect(await panel.getByTestId('change-row').textContent()).toContain('chờ gửi');
    expect(await serverChanges(tam.member)).toEqual([]);
    await context.setOffline(false);
    await synced(page);
    const [onServer] = await serverChanges(tam.member);
    expect(await serverChanges(tam.member)).toHaveLength(1);
    expect(onServer?.data).toMatchObject({
      status: 'submitted',
      subjectId: tam.member,
      data: { change: 'adjust', reason: 'turned-age', grantCaseId: tam.grant, effectiveMonth: thisMonth },
    });
    const history = onServer?.data.history as { command: string }[];
    expect(history.map((h) => h.command)).toEqual(['submit']);
    const status = panel.getByTestId('change-status');
    await expect.poll(() => status.textContent()).toBe('đã gửi');

    // The chairman's decision, pre-filled from the engine on the application as it now reads.
    const change = onServer?.data.data as AllowanceChange;
    const expected = proposeAllowance(adjustedApplication(tam.application, change), undefined, LY_SON, thisMonth);
    expect(expected.amount).toBeGreaterThan(grantNow);
    await panel.getByRole('button', { name: 'Ghi quyết định' }).click();
    const decide = panel.getByTestId('form-change-approve');
    expect(await decide.getByLabel('Mức trợ cấp (đồng/tháng)').inputValue()).toBe(money(expected.amount));
    expect(await decide.getByLabel('Áp dụng từ tháng (mm/yyyy)').inputValue()).toBe(mmYyyy(thisMonth));
    await decide.getByLabel('Số quyết định').fill('301/QĐ-UBND');
    await decide.getByLabel('Người ký').fill('Nguyễn Văn Chủ');
    expect(await decide.getByTestId('decision-differs').count()).toBe(0);
    await decide.getByRole('button', { name: 'Ghi nhận' }).click();
    await synced(page);
    await expect.poll(() => status.textContent()).toBe('đã phê duyệt');
    expect(await page.getByTestId('change-rejection').count()).toBe(0);
    const decided = (await serverChanges(tam.member))[0]?.data.changeDecision as ChangeDecision;
    expect(decided).toMatchObject({ number: '301/QĐ-UBND', effectiveMonth: thisMonth, amount: expected.amount });
    await expect.poll(() => page.getByTestId('standing-amount').textContent()).toBe(formatVnd(expected.amount));

    // The death of the other beneficiary last month: a stop from this month, with who organised the burial.
    const diedOn = `${addMonths(thisMonth, -1)}-15`;
    await page.goto(`${world.server.url}/allowances/${mat.grant}`);
    const matPanel = page.getByTestId('change-panel');
    await expect.poll(() => matPanel.getByTestId('standing-state').textContent()).toBe('Đang hưởng');
    await matPanel.getByRole('button', { name: 'Đề nghị thay đổi' }).click();
    const stop = page.getByTestId('change-form');
    await stop.getByLabel('Loại thay đổi').selectOption('stop');
    await stop.getByLabel('Lý do').selectOption('death');
    await stop.getByLabel('Ngày mất (dd/mm/yyyy)').fill(formatVnDate(diedOn));
    // The month after the death, pre-filled.
    await expect.poll(() => stop.getByLabel('Áp dụng từ tháng (mm/yyyy)').inputValue()).toBe(mmYyyy(thisMonth));
    await stop.getByLabel('Người tổ chức mai táng').fill('Lê Văn Con');
    await stop.getByLabel('Quan hệ với người mất').fill('con trai');
    await stop.getByRole('button', { name: 'Gửi đề nghị' }).click();
    await synced(page);
    await expect.poll(() => matPanel.getByTestId('change-status').textContent()).toBe('đã gửi');
    await matPanel.getByRole('button', { name: 'Ghi quyết định' }).click();
    const stopDecision = matPanel.getByTestId('form-change-approve');
    await stopDecision.getByLabel('Số quyết định').fill('302/QĐ-UBND');
    await stopDecision.getByLabel('Người ký').fill('Nguyễn Văn Chủ');
    await stopDecision.getByRole('button', { name: 'Ghi nhận' }).click();
    await synced(page);
    await expect.poll(() => matPanel.getByTestId('change-status').textContent()).toBe('đã phê duyệt');
    const [death] = await serverChanges(mat.member);
    expect(death?.data.data).toMatchObject({
      change: 'stop',
      reason: 'death',
      eventOn: diedOn,
      burialBy: { fullName: 'Lê Văn Con', relation: 'con trai' },
    });
    const burial = grantStanding(
      { caseId: mat.grant, decision: mat.decision },
      [
        {
          caseId: death?.id ?? '',
          change: death?.data.data as AllowanceChange,
          decision: death?.data.changeDecision as ChangeDecision,
        },
      ],
      thisMonth,
    ).burial;
    expect(burial?.amount).toBeGreaterThan(0);
    // The server wrote the same burial support on its decision (Art. 11).
    expect((death?.data.changeDecision as ChangeDecision | undefined)?.burialAmount).toBe(burial?.amount);
    await expect
      .poll(() => matPanel.getByTestId('standing-state').textContent())
      .toBe(`Thôi hưởng từ ${mmYyyy(thisMonth)}`);
    expect(await matPanel.getByTestId('standing-burial').textContent()).toContain(formatVnd(burial?.amount ?? 0));

    // The register: the new amount, the stop with its burial support, one person paid.
    await page.goto(`${world.server.url}/allowances/register`);
    await expect
      .poll(() => rowOf('Phạm Văn Tám').getByTestId('register-amount').textContent())
      .toBe(formatVnd(expected.amount));
    expect(await rowOf('Phạm Văn Tám').textContent()).toContain('301/QĐ-UBND');
    expect(await page.getByTestId('due-change').filter({ hasText: 'Phạm Văn Tám' }).count()).toBe(0);
    expect(await rowOf('Lê Thị Mất').getByTestId('register-state').textContent()).toBe(
      `Thôi hưởng từ ${mmYyyy(thisMonth)}Hỗ trợ mai táng ${formatVnd(burial?.amount ?? 0)}`,
    );
    expect(await rowOf('Lê Thị Mất').getByTestId('register-amount').textContent()).toBe(formatVnd(0));
    expect(await page.getByTestId('register-total').textContent()).toBe(
      `1 người · tổng ${formatVnd(expected.amount)}/tháng`,
    );
    await context.close();
  }, 180_000);

  it('suspends from last month and resumes this month with arrears: the register follows each decision', async () => {
    const ba = await beneficiary('Đỗ Văn Ba', '1952-06-20');
    const lastMonth = addMonths(thisMonth, -1);
    const context = await world.browser.newContext({ viewport: TABLET });
    const page = await signIn(context, world.server.url, 'canbo.lyson');
    await page.goto(`${world.server.url}/allowances/${ba.grant}`);
    const panel = page.getByTestId('change-panel');
    await expect.poll(() => panel.getByTestId('standing-state').textContent()).toBe('Đang hưởng');

    /** Proposes a change from the panel and records the chairman's decision on it. */
    async function decide(kind: string, reason: string, month: string, number: string) {
      await panel.getByRole('button', { name: 'Đề nghị thay đổi' }).click();
      const form = panel.getByTestId('change-form');
      await form.getByLabel('Loại thay đổi').selectOption(kind);
      await form.getByLabel('Lý do').selectOption(reason);
      await form.getByLabel('Áp dụng từ tháng (mm/yyyy)').fill(mmYyyy(month));
      if (kind === 'resume') expect(await form.getByLabel('Truy lĩnh các tháng tạm dừng').isChecked()).toBe(true);
      await form.getByRole('button', { name: 'Gửi đề nghị' }).click();
      await synced(page);
      const row = panel.locator(`[data-testid="change-row"][data-kind="${kind}"]`);
      await expect.poll(() => row.getByTestId('change-status').textContent()).toBe('đã gửi');
      await row.getByRole('button', { name: 'Ghi quyết định' }).click();
      const decision = row.getByTestId('form-change-approve');
      await decision.getByLabel('Số quyết định').fill(number);
      await decision.getByLabel('Người ký').fill('Nguyễn Văn Chủ');
      await decision.getByRole('button', { name: 'Ghi nhận' }).click();
      await synced(page);
      await expect.poll(() => row.getByTestId('change-status').textContent()).toBe('đã phê duyệt');
    }

    await decide('suspend', 'not-collected', lastMonth, '401/QĐ-UBND');
    await expect.poll(() => panel.getByTestId('standing-state').textContent()).toBe(`Tạm dừng từ ${mmYyyy(lastMonth)}`);
    expect(await panel.getByTestId('standing-amount').textContent()).toBe(formatVnd(0));
    // Suspended, it may be resumed or stopped, not adjusted or suspended again.
    await panel.getByRole('button', { name: 'Đề nghị thay đổi' }).click();
    expect(await panel.getByLabel('Loại thay đổi').locator('option').allTextContents()).toEqual([
      'Thôi hưởng',
      'Tiếp tục hưởng',
      'Chuyển đi nơi khác',
    ]);
    await panel.getByRole('button', { name: 'Đề nghị thay đổi' }).click();
    await page.goto(`${world.server.url}/allowances/register`);
    const row = page.getByTestId('register-row').filter({ hasText: 'Đỗ Văn Ba' });
    await expect.poll(() => row.getByTestId('register-state').textContent()).toBe(`Tạm dừng từ ${mmYyyy(lastMonth)}`);

    await page.goto(`${world.server.url}/allowances/${ba.grant}`);
    await decide('resume', 'collected-again', thisMonth, '402/QĐ-UBND');
    const [resumed] = (await serverChanges(ba.member)).filter(
      (r) => (r.data.data as AllowanceChange).change === 'resume',
    );
    expect(resumed?.data.data).toMatchObject({ withArrears: true, effectiveMonth: thisMonth });
    const standing = grantStanding({ caseId: ba.grant, decision: ba.decision }, [], thisMonth).line?.amount ?? 0;
    await expect.poll(() => panel.getByTestId('standing-state').textContent()).toBe('Đang hưởng');
    expect(await panel.getByTestId('standing-amount').textContent()).toBe(formatVnd(standing));
    await page.goto(`${world.server.url}/allowances/register`);
    await expect.poll(() => row.getByTestId('register-state').textContent()).toBe('Đang hưởng');
    expect(await row.textContent()).toContain('402/QĐ-UBND');
    await context.close();
  }, 180_000);

  it('shows on the dossier the server’s refusal of a decision made offline after another device stopped the allowance', async () => {
    const late = await beneficiary('Trương Văn Muộn', '1951-02-11');
    const context = await world.browser.newContext({ viewport: TABLET });
    const page = await signIn(context, world.server.url, 'canbo.lyson');
    await page.goto(`${world.server.url}/allowances/${late.grant}`);
    const panel = page.getByTestId('change-panel');
    await panel.getByRole('button', { name: 'Đề nghị thay đổi' }).click();
    const form = panel.getByTestId('change-form');
    await form.getByLabel('Loại thay đổi').selectOption('suspend');
    await form.getByLabel('Lý do').selectOption('not-collected');
    await form.getByLabel('Áp dụng từ tháng (mm/yyyy)').fill(mmYyyy(thisMonth));
    await form.getByRole('button', { name: 'Gửi đề nghị' }).click();
    await synced(page);
    const row = panel.getByTestId('change-row');
    await expect.poll(() => row.getByTestId('change-status').textContent()).toBe('đã gửi');

    // Offline, the officer records the chairman's decision to suspend…
    await context.setOffline(true);
    await row.getByRole('button', { name: 'Ghi quyết định' }).click();
    const decision = row.getByTestId('form-change-approve');
    await decision.getByLabel('Số quyết định').fill('501/QĐ-UBND');
    await decision.getByLabel('Người ký').fill('Nguyễn Văn Chủ');
    await decision.getByRole('button', { name: 'Ghi nhận' }).click();
    await expect.poll(() => row.textContent()).toContain('chờ gửi');
    // …while another officer's device stops the allowance from this month.
    const stop = randomUUID();
    const change: AllowanceChange = {
      change: 'stop',
      reason: 'not-eligible',
      grantCaseId: late.grant,
      proposedOn: today,
      effectiveMonth: thisMonth,
    };
    const other = await demoDevice(world.server.url, 'canbo.lyson');
    expect(
      await other(
        (s) =>
          patchMutation(
            s,
            stop,
            { kind: 'allowance-change', subjectId: late.member, communeCode: LY_SON, note: '', data: change },
            0,
            'case',
          ),
        (s) => mutation(s, { kind: 'command', id: stop, command: 'submit' }),
        (s) =>
          mutation(s, {
            kind: 'command',
            id: stop,
            command: 'approve',
            payload: { number: '500/QĐ-UBND', signedOn: today, signer: 'Nguyễn Văn Chủ', effectiveMonth: thisMonth },
          }),
      ),
    ).toEqual(['applied', 'applied', 'applied']);
    await context.setOffline(false);
    await synced(page);
    const refused = panel.getByTestId('change-rejection');
    await expect.poll(() => refused.textContent()).toContain(`Máy chủ từ chối: Không thể`);
    expect(await refused.textContent()).toContain(mmYyyy(thisMonth));
    await expect
      .poll(() => panel.getByTestId('standing-state').textContent())
      .toBe(`Thôi hưởng từ ${mmYyyy(thisMonth)}`);
    // Stopped, nothing more may be proposed.
    expect(await panel.getByRole('button', { name: 'Đề nghị thay đổi' }).count()).toBe(0);
    await context.close();
  }, 180_000);

  it('returns a change with its reason, and the officer corrects it and sends it again as the same case', async () => {
    const nam = await beneficiary('Hồ Văn Năm', '1953-09-09');
    const context = await world.browser.newContext({ viewport: TABLET });
    const page = await signIn(context, world.server.url, 'canbo.lyson');
    await page.goto(`${world.server.url}/allowances/${nam.grant}`);
    const panel = page.getByTestId('change-panel');
    await panel.getByRole('button', { name: 'Đề nghị thay đổi' }).click();
    const form = panel.getByTestId('change-form');
    await form.getByLabel('Loại thay đổi').selectOption('suspend');
    await form.getByLabel('Lý do').selectOption('pre-trial-detention');
    await form.getByLabel('Ngày xảy ra (dd/mm/yyyy)').fill(formatVnDate(today));
    await form.getByRole('button', { name: 'Gửi đề nghị' }).click();
    await synced(page);
    const row = panel.getByTestId('change-row');
    await expect.poll(() => row.getByTestId('change-status').textContent()).toBe('đã gửi');
    await row.getByRole('button', { name: 'Trả lại' }).click();
    await row.getByLabel('Lý do trả lại').fill('Thiếu quyết định tạm giam');
    await row.getByRole('button', { name: 'Ghi nhận' }).click();
    await synced(page);
    await expect.poll(() => row.getByTestId('change-status').textContent()).toBe('đã trả lại');
    expect(await row.textContent()).toContain('Thiếu quyết định tạm giam');

    await row.getByRole('button', { name: 'Sửa và gửi lại' }).click();
    const again = row.getByTestId('change-form');
    expect(await again.getByLabel('Lý do').inputValue()).toBe('pre-trial-detention');
    await again.getByLabel('Ghi chú').fill('Đã có quyết định tạm giam số 12');
    await again.getByRole('button', { name: 'Gửi đề nghị' }).click();
    await synced(page);
    await expect.poll(() => row.getByTestId('change-status').textContent()).toBe('đã gửi');
    const changes = await serverChanges(nam.member);
    expect(changes).toHaveLength(1);
    expect(((changes[0]?.data.history ?? []) as { command: string }[]).map((h) => h.command)).toEqual([
      'submit',
      'return',
      'submit',
    ]);
    expect(changes[0]?.data.data).toMatchObject({
      reason: 'pre-trial-detention',
      note: 'Đã có quyết định tạm giam số 12',
    });
    await context.close();
  }, 180_000);

  it('moves a beneficiary out to another commune: the month after the move is offered, the register reads "Chuyển đi" from the month decided', async () => {
    const sau = await beneficiary('Vũ Thị Sáu', '1954-04-04');
    const context = await world.browser.newContext({ viewport: TABLET });
    const page = await signIn(context, world.server.url, 'canbo.lyson');
    await page.goto(`${world.server.url}/allowances/${sau.grant}`);
    const panel = page.getByTestId('change-panel');
    await panel.getByRole('button', { name: 'Đề nghị thay đổi' }).click();
    const form = panel.getByTestId('change-form');
    await form.getByLabel('Loại thay đổi').selectOption('move-out');
    await form.getByLabel('Ngày xảy ra (dd/mm/yyyy)').fill(formatVnDate(today));
    // The month after the move, pre-filled; the commune typed by its code (the officer works in Lý Sơn only).
    await expect
      .poll(() => form.getByLabel('Áp dụng từ tháng (mm/yyyy)').inputValue())
      .toBe(mmYyyy(addMonths(thisMonth, 1)));
    await form.getByLabel('Áp dụng từ tháng (mm/yyyy)').fill(mmYyyy(thisMonth));
    await form.getByLabel('Mã xã nơi chuyển đến (5 chữ số)').fill(BA_TO);
    await form.getByRole('button', { name: 'Gửi đề nghị' }).click();
    await synced(page);
    const row = panel.getByTestId('change-row');
    await expect.poll(() => row.getByTestId('change-status').textContent()).toBe('đã gửi');
    await row.getByRole('button', { name: 'Ghi quyết định' }).click();
    const decision = row.getByTestId('form-change-approve');
    await decision.getByLabel('Số quyết định').fill('701/QĐ-UBND');
    await decision.getByLabel('Người ký').fill('Nguyễn Văn Chủ');
    await decision.getByRole('button', { name: 'Ghi nhận' }).click();
    await synced(page);
    await expect.poll(() => row.getByTestId('change-status').textContent()).toBe('đã phê duyệt');
    expect((await serverChanges(sau.member))[0]?.data.data).toMatchObject({ change: 'move-out', toCommune: BA_TO });
    await expect
      .poll(() => panel.getByTestId('standing-state').textContent())
      .toBe(`Chuyển đi từ ${mmYyyy(thisMonth)}`);
    await page.goto(`${world.server.url}/allowances/register`);
    const registered = page.getByTestId('register-row').filter({ hasText: 'Vũ Thị Sáu' });
    await expect
      .poll(() => registered.getByTestId('register-state').textContent())
      .toBe(`Chuyển đi từ ${mmYyyy(thisMonth)}`);
    await context.close();
  }, 180_000);

  it('says the changes, the change form and the register in English when English is chosen', async () => {
    const eighty = `${Number(today.slice(0, 4)) - 80}-${today.slice(5, 7)}-01`;
    const anh = await beneficiary('Phan Văn Anh', eighty);
    const suspend = randomUUID();
    const change: AllowanceChange = {
      change: 'suspend',
      reason: 'not-collected',
      grantCaseId: anh.grant,
      proposedOn: today,
      effectiveMonth: addMonths(thisMonth, -1),
    };
    const other = await demoDevice(world.server.url, 'canbo.lyson');
    expect(
      await other(
        (s) =>
          patchMutation(
            s,
            suspend,
            { kind: 'allowance-change', subjectId: anh.member, communeCode: LY_SON, note: '', data: change },
            0,
            'case',
          ),
        (s) => mutation(s, { kind: 'command', id: suspend, command: 'submit' }),
        (s) =>
          mutation(s, {
            kind: 'command',
            id: suspend,
            command: 'approve',
            payload: {
              number: '601/QĐ-UBND',
              signedOn: today,
              signer: 'Nguyễn Văn Chủ',
              effectiveMonth: change.effectiveMonth,
            },
          }),
      ),
    ).toEqual(['applied', 'applied', 'applied']);
    const context = await world.browser.newContext({ viewport: TABLET });
    const page = await signIn(context, world.server.url, 'canbo.lyson');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Sync now' }).count()).toBe(1);
    const data = [
      ...seeded,
      'Nguyễn Văn Chủ',
      anh.application.applicant.residence,
      ...DEMO_ACCOUNTS.map((a) => a.displayName),
      ...ETHNIC_GROUPS.map(([, name]) => name),
      'Đặc khu Lý Sơn',
      'Lý Sơn',
      'Tiếng Việt',
    ].sort((a, b) => b.length - a.length);
    const left = async () => {
      // biome-ignore lint/performance/useDomNodeTextContent: what is on screen is the point
      let rest = (await page.evaluate(() => document.body.innerText)).normalize('NFC');
      for (const text of data) rest = rest.split(text.normalize('NFC')).join('·');
      // Legal names and articles, and the currency sign, stay as the law and money write them.
      rest = rest
        .replace(/\d+\/QĐ-UBND/g, '·')
        .replace(/(Nghị định|Thông tư|NĐ|TT)\s*\d[\d/]*(?:(?:NĐ|TT)-[\p{Lu}\d-]+)?/gu, '·')
        .replace(/(khoản \d+ )?Điều \d+( khoản \d+)?( điểm [a-zđ])?/g, '·')
        .replace(/(?<=\d) đ(?!\p{L})/gu, ' ·');
      return rest.split('\n').filter((line) => VIETNAMESE.test(line));
    };
    await page.goto(`${world.server.url}/allowances/${anh.grant}`);
    const panel = page.getByTestId('change-panel');
    await expect.poll(() => panel.getByTestId('standing-state').textContent()).toContain('Suspended from');
    await panel.getByRole('button', { name: 'Propose a change' }).click();
    await panel.getByLabel('Kind of change').selectOption('resume');
    expect(await left()).toEqual([]);
    await page.goto(`${world.server.url}/allowances/register`);
    await expect.poll(() => page.getByTestId('register-row').filter({ hasText: 'Phan Văn Anh' }).count()).toBe(1);
    expect(await page.getByTestId('register-state').first().textContent()).toMatch(/^(Receiving|Suspended from)/);
    expect(await left()).toEqual([]);
    await context.close();
  }, 180_000);
});
