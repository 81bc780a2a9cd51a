/**
 * @module GET /api/reports/communes[/:code]: the read side's counts per commune (projections/commune-counts.ts) and
 * the last sync of each device (store/sync-log.ts `lastSyncs`). The same sign-in and scope as sync: a user reads
 * only the communes they are assigned (province staff and the admin: all), decided from the database on every
 * request; the role must have `read_reports` (src/shared/permissions.ts). Counts only, no record data.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { CommuneCode } from '../../../src/shared/fields';
import { issueMessages, message } from '../../../src/shared/messages';
import { hasCapability } from '../../../src/shared/permissions';
import {
  CommuneReportsQuery,
  type CommuneReport,
  type CommuneReportResponse,
  type CommuneReportsResponse,
} from '../../../src/shared/reports';
import { countsOfCommunes } from '../projections/commune-counts';
import { lastSyncs } from '../store/sync-log';
import type { Database } from '../db/database';
import { errorResponse } from './errors';
import { requireUser } from './auth';
import type { AppDeps, AppEnv } from './deps';

const OUT_OF_SCOPE = message('http.communeNotAssigned');
const invalid = (issues: Parameters<typeof issueMessages>[0], path?: string) =>
  message(
    'issues',
    undefined,
    issueMessages(issues).map((issue) => (path ? { ...issue, path } : issue)),
  );

export function reportRoutes(deps: AppDeps) {
  const routes = new Hono<AppEnv>();

  routes.use('*', requireUser(deps), async (c, next) => {
    const { role } = c.get('user');
    if (!hasCapability(role, 'read_reports'))
      return errorResponse(c, 403, 'forbidden', message('http.reportsNotPermitted', { role }));
    return next();
  });

  routes.get('/communes', async (c) => {
    const query = v.safeParse(CommuneReportsQuery, c.req.query());
    if (!query.success) return errorResponse(c, 400, 'bad_request', invalid(query.issues));
    const communes = c.get('user').communes;
    const asked = query.output.codes;
    if (asked?.some((code) => !communes.some((commune) => commune.code === code)))
      return errorResponse(c, 403, 'forbidden', OUT_OF_SCOPE);
    const chosen = asked ? communes.filter((commune) => asked.includes(commune.code)) : communes;
    const body: CommuneReportsResponse = { asOf: deps.clock(), communes: await reports(deps.db, chosen) };
    return c.json(body);
  });

  routes.get('/communes/:code', async (c) => {
    const code = v.safeParse(CommuneCode, c.req.param('code'));
    if (!code.success) return errorResponse(c, 400, 'bad_request', invalid(code.issues, 'code'));
    const query = v.safeParse(v.strictObject({}), c.req.query());
    if (!query.success) return errorResponse(c, 400, 'bad_request', invalid(query.issues));
    const commune = c.get('user').communes.find((unit) => unit.code === code.output);
    // The same answer whether the code exists or not: the user is not assigned it.
    if (!commune) return errorResponse(c, 403, 'forbidden', OUT_OF_SCOPE);
    const [report] = await reports(deps.db, [commune]);
    const body: CommuneReportResponse = { asOf: deps.clock(), commune: report! };
    return c.json(body);
  });

  return routes;
}

async function reports(db: Database, communes: readonly { code: string; name: string }[]): Promise<CommuneReport[]> {
  const codes = communes.map((commune) => commune.code);
  const [counts, syncs] = await Promise.all([countsOfCommunes(db, codes), lastSyncs(db, codes)]);
  return communes.map(({ code, name }) => ({
    code,
    name,
    ...counts.get(code)!,
    devices: syncs
      .filter((sync) => sync.commune === code)
      .map(({ clientId, displayName, lastSyncAt }) => ({ clientId, displayName, lastSyncAt })),
  }));
}
