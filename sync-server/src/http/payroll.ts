/**
 * @module GET /api/payroll/:code/:month[/xlsx|/csv] (issue 13): a commune's payroll month, computed from the
 * server's records (payroll/from-records.ts), as JSON, as the signature list in XLSX, or as a bank's CSV. The
 * list names people, their IDs and accounts: only the roles that read a case's sensitive field (the commune officer
 * and province staff, src/shared/permissions.ts `readsSensitive`), and only for a commune they are assigned.
 * Nothing personal in the address or the file's name.
 *
 * POST …/approve, …/lock and …/reopen take the month's steps (payroll/months.ts), for the commune officer only.
 * GET /api/payroll/:code/spending?from=YYYY-MM&to=YYYY-MM: what the locked lists spend (payroll/spending.ts).
 */
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import { CommuneCode } from '../../../src/shared/fields';
import { IsoMonth } from '../../../src/shared/records/allowance';
import { issueMessages, message } from '../../../src/shared/messages';
import { can, readsSensitive } from '../../../src/shared/permissions';
import { futureDayIssue } from '../../../src/shared/clock-bounds';
import { PayrollApproval, PayrollLock, PayrollReopen } from '../../../src/shared/payroll-steps';
import { payrollCsv, payrollFileName, payrollXlsx } from '../payroll/export';
import {
  approveMonth,
  lockMonth,
  payrollCalendar,
  payrollMonth,
  reopenMonth,
  type StepOutcome,
} from '../payroll/months';
import { communeSpending } from '../payroll/spending';
import { importReturns } from '../payroll/returns-import';
import { errorResponse } from './errors';
import { readJson } from './read-json';
import { requireUser } from './auth';
import type { AppDeps, AppEnv } from './deps';

const Params = v.object({ code: CommuneCode, month: IsoMonth });
const SpendingQuery = v.object({ code: CommuneCode, from: IsoMonth, to: IsoMonth });

export function payrollRoutes(deps: AppDeps) {
  const routes = new Hono<AppEnv>();

  routes.use('*', requireUser(deps), async (c, next) => {
    const { role } = c.get('user');
    if (!readsSensitive(role)) return errorResponse(c, 403, 'forbidden', message('http.payrollNotPermitted', { role }));
    return next();
  });

  /** The commune asked, if the user is assigned it; otherwise the answer to send. */
  const chosen = (c: Context<AppEnv>) => {
    const params = v.safeParse(Params, { code: c.req.param('code'), month: c.req.param('month') });
    if (!params.success)
      return {
        refusal: errorResponse(c, 400, 'bad_request', message('issues', undefined, issueMessages(params.issues))),
      };
    const commune = c.get('user').communes.find((unit) => unit.code === params.output.code);
    if (!commune) return { refusal: errorResponse(c, 403, 'forbidden', message('http.communeNotAssigned')) };
    return { commune, month: params.output.month };
  };

  routes.get('/:code', async (c) => {
    const asked = v.safeParse(CommuneCode, c.req.param('code'));
    const commune = asked.success && c.get('user').communes.find((unit) => unit.code === asked.output);
    if (!commune) return errorResponse(c, 403, 'forbidden', message('http.communeNotAssigned'));
    return c.json({ months: await payrollCalendar(deps.db, commune.code) });
  });

  routes.get('/:code/spending', async (c) => {
    const asked = v.safeParse(SpendingQuery, {
      code: c.req.param('code'),
      from: c.req.query('from'),
      to: c.req.query('to'),
    });
    if (!asked.success)
      return errorResponse(c, 400, 'bad_request', message('issues', undefined, issueMessages(asked.issues)));
    const commune = c.get('user').communes.find((unit) => unit.code === asked.output.code);
    if (!commune) return errorResponse(c, 403, 'forbidden', message('http.communeNotAssigned'));
    return c.json({ rows: await communeSpending(deps.db, commune.code, asked.output.from, asked.output.to) });
  });

  routes.get('/:code/:month', async (c) => {
    const asked = chosen(c);
    if ('refusal' in asked) return asked.refusal;
    return c.json(await payrollMonth(deps.db, asked.commune.code, asked.month));
  });

  /** A step on the month: the officer's only, its body checked with `schema`. */
  const step = <S extends v.GenericSchema>(
    path: string,
    schema: S,
    take: (
      commune: string,
      month: string,
      by: { userId: string; now: number },
      body: v.InferOutput<S>,
    ) => Promise<StepOutcome>,
  ) =>
    routes.post(`/:code/:month/${path}`, async (c) => {
      const { role, id } = c.get('user');
      if (!can(role, 'case', 'decide'))
        return errorResponse(c, 403, 'forbidden', message('payroll.officerOnly', { role }));
      const asked = chosen(c);
      if ('refusal' in asked) return asked.refusal;
      const read = await readJson(c);
      if (!read.ok) return read.response;
      const body = v.safeParse(schema, read.value);
      if (!body.success)
        return errorResponse(c, 400, 'bad_request', message('issues', undefined, issueMessages(body.issues)));
      const now = deps.clock();
      const signedOn = (body.output as { signedOn?: unknown }).signedOn;
      const future = typeof signedOn === 'string' ? futureDayIssue('signedOn', signedOn, now) : undefined;
      if (future) return errorResponse(c, 400, 'bad_request', future);
      const outcome = await take(asked.commune.code, asked.month, { userId: id, now }, body.output);
      return outcome.ok ? c.json(outcome.view) : errorResponse(c, outcome.status, 'conflict', outcome.message);
    });

  /**
   * The payer's returns, as the file's bytes (its name in X-File-Name, URL-encoded: it says XLSX or CSV). Without
   * ?apply=1 a preview only; with it, the matched lines are recorded.
   */
  routes.post('/:code/:month/returns', async (c) => {
    const { role, id } = c.get('user');
    if (!can(role, 'case', 'decide'))
      return errorResponse(c, 403, 'forbidden', message('payroll.officerOnly', { role }));
    const asked = chosen(c);
    if ('refusal' in asked) return asked.refusal;
    const name = decodeURIComponent(c.req.header('X-File-Name') ?? 'returns.xlsx');
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const now = deps.clock();
    const today = new Date(now + 7 * 3_600_000).toISOString().slice(0, 10);
    const answer = await importReturns(
      deps.db,
      asked.commune.code,
      asked.month,
      { bytes, name },
      { userId: id, now, today },
      c.req.query('apply') === '1',
    );
    if (!answer.ok)
      return errorResponse(c, answer.status, answer.status === 409 ? 'conflict' : 'bad_request', answer.message);
    return c.json(answer);
  });

  step('approve', PayrollApproval, (commune, month, by, body) => approveMonth(deps.db, commune, month, by, body.seen));
  step('lock', PayrollLock, (commune, month, by, body) => lockMonth(deps.db, commune, month, by, body));
  step('reopen', PayrollReopen, (commune, month, by, body) => reopenMonth(deps.db, commune, month, by, body.reason));

  routes.get('/:code/:month/xlsx', async (c) => {
    const asked = chosen(c);
    if ('refusal' in asked) return asked.refusal;
    const { list } = await payrollMonth(deps.db, asked.commune.code, asked.month);
    const bytes = await payrollXlsx(list, asked.commune);
    return c.body(bytes as unknown as ArrayBuffer, 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${payrollFileName(list, 'xlsx')}"`,
      'Cache-Control': 'no-store',
    });
  });

  routes.get('/:code/:month/csv', async (c) => {
    const asked = chosen(c);
    if ('refusal' in asked) return asked.refusal;
    const { list } = await payrollMonth(deps.db, asked.commune.code, asked.month);
    return c.body(payrollCsv(list), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${payrollFileName(list, 'csv')}"`,
      'Cache-Control': 'no-store',
    });
  });

  return routes;
}
