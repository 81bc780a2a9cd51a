/**
 * Issue 10: GET /api/reports/communes[/:code] — the read side through HTTP, on SQLite and PostgreSQL. The same
 * sign-in and scope as sync: no token → 401; a role without `read_reports` → 403 naming the role (the expected table
 * below is written out by hand, so a change to src/shared/permissions.ts CAPABILITIES must be made here too, and in
 * docs/security.md); a commune officer of Lý Sơn gets nothing of Ba Tơ; province staff see every commune. Counts
 * and devices only — no name of a person or household in any answer.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { getClientId } from '../../src/db/client-id';
import { saveHousehold } from '../../src/db/households';
import { savePatch } from '../../src/db/outbox';
import { CAPABILITIES } from '../../src/shared/permissions';
import { CommuneReportResponse, CommuneReportsResponse } from '../../src/shared/reports';
import type { Role } from '../../src/shared/roles';
import { readUnits } from '../../sync-server/src/reference/units';
import { storageEngines } from '../support/engines';
import { createWorld, type Device } from '../support/world';
import { BA_TO, LY_SON, householdFields, memberFields } from '../support/fixtures';

const engines = await storageEngines('reports over HTTP');

/** Who may read reports, by hand: field roles work from their records; officers, province staff and the admin oversee. */
const EXPECTED: Record<Role, boolean> = {
  collaborator: false,
  village_head: false,
  commune_officer: true,
  province_staff: true,
  admin: true,
};
const ACCOUNT: Record<Role, string> = {
  collaborator: 'ctv.lyson',
  village_head: 'thon.lyson',
  commune_officer: 'canbo.lyson',
  province_staff: 'so.tinh',
  admin: 'admin',
};
const ROLE_VI: Record<Role, string> = {
  collaborator: 'cộng tác viên',
  village_head: 'trưởng thôn',
  commune_officer: 'cán bộ xã',
  province_staff: 'cán bộ tỉnh',
  admin: 'quản trị hệ thống',
};

const PEOPLE = ['Hoàng Văn Lý Sơn', 'Hoàng Thị Con', 'Đinh Văn Ba Tơ Một', 'Đinh Văn Ba Tơ Hai'];

for (const engine of engines) {
  describe.skipIf(!engine.available)(`reports over HTTP [${engine.name}]`, () => {
    const cleanup: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const step of cleanup.splice(0).reverse()) await step();
    });

    /** Lý Sơn: one household with one member; Ba Tơ: two households. Both collaborators' devices have synced. */
    async function world() {
      const db = await engine.openFresh();
      cleanup.push(() => db.close());
      const w = await createWorld(db);
      const device = async (username: string) => {
        const d = await w.device(username);
        cleanup.push(async () => d.close());
        return d;
      };
      const lyson = await device('ctv.lyson');
      const bato = await device('ctv.bato');
      const saved = await saveHousehold(lyson.db, householdFields({ headName: PEOPLE[0]!, village: 'Thôn Báo Cáo' }), {
        now: 1,
      });
      if (!saved.ok) throw new Error('not saved');
      await savePatch(
        lyson.db,
        'member',
        crypto.randomUUID(),
        memberFields(saved.id, { fullName: PEOPLE[1]!, birthDate: '2010-01-01' }),
        2,
      );
      for (const [i, headName] of [PEOPLE[2]!, PEOPLE[3]!].entries()) {
        const other = await saveHousehold(
          bato.db,
          householdFields({ headName, village: `Làng ${i}`, communeCode: BA_TO }),
          { now: 3 },
        );
        if (!other.ok) throw new Error('not saved');
      }
      for (const d of [lyson, bato]) expect(await d.sync()).toMatchObject({ kind: 'done' });
      const get = async (path: string, username?: string, token?: string) => {
        const bearer = token ?? (username ? await w.login(username) : undefined);
        const response = await w.app.request(path, { headers: bearer ? { Authorization: `Bearer ${bearer}` } : {} });
        return { status: response.status, text: await response.text() };
      };
      return { ...w, db, device, lyson, bato, get };
    }

    const clientOf = (d: Device) => getClientId(d.db);

    it('without a valid session both routes answer 401 and nothing else', async () => {
      const w = await world();
      for (const path of ['/api/reports/communes', `/api/reports/communes/${LY_SON}`]) {
        for (const token of [undefined, 'x'.repeat(43)]) {
          const answer = await w.get(path, undefined, token);
          expect(answer.status).toBe(401);
          expect(JSON.parse(answer.text)).toEqual({
            error: { code: 'unauthorized', message: expect.any(String), problem: { code: expect.any(String) } },
          });
        }
      }
    });

    it('only the roles with read_reports may read, the others get 403 naming their role (table written by hand)', async () => {
      const w = await world();
      expect(
        Object.fromEntries(Object.entries(CAPABILITIES).map(([role, caps]) => [role, caps.includes('read_reports')])),
      ).toEqual(EXPECTED);
      const allowed = (Object.keys(EXPECTED) as Role[]).filter((role) => EXPECTED[role]).join(', ');
      expect(readFileSync('docs/security.md', 'utf8'), 'docs/security.md names the same roles').toContain(
        `\`read_reports\`: ${allowed} — tested`,
      );
      for (const role of Object.keys(EXPECTED) as Role[]) {
        for (const path of ['/api/reports/communes', `/api/reports/communes/${LY_SON}`]) {
          const answer = await w.get(path, ACCOUNT[role]);
          if (EXPECTED[role]) {
            expect(answer.status, `${role} ${path}`).toBe(200);
          } else {
            expect(answer.status, `${role} ${path}`).toBe(403);
            expect(JSON.parse(answer.text)).toEqual({
              error: {
                code: 'forbidden',
                message: `Vai trò ${ROLE_VI[role]} không được xem báo cáo tổng hợp.`,
                problem: { code: 'http.reportsNotPermitted', params: { role } },
              },
            });
          }
        }
      }
    });

    it('a commune officer of Lý Sơn reads Lý Sơn and gets nothing of Ba Tơ, by path or by filter', async () => {
      const w = await world();
      const list = await w.get('/api/reports/communes', 'canbo.lyson');
      expect(list.status).toBe(200);
      const body = v.parse(CommuneReportsResponse, JSON.parse(list.text));
      expect(body.communes.map((c) => c.code)).toEqual([LY_SON]);
      expect(body.communes[0]).toMatchObject({ households: 1, members: 1, openConflicts: 0, openDuplicates: 0 });
      expect(list.text).not.toContain(BA_TO);
      for (const path of [
        `/api/reports/communes/${BA_TO}`,
        `/api/reports/communes?codes=${BA_TO}`,
        `/api/reports/communes?codes=${LY_SON},${BA_TO}`,
        '/api/reports/communes/99999',
      ]) {
        const answer = await w.get(path, 'canbo.lyson');
        expect(answer.status, path).toBe(403);
        expect(JSON.parse(answer.text)).toEqual({
          error: {
            code: 'forbidden',
            message: 'Xã này không được giao cho bạn.',
            problem: { code: 'http.communeNotAssigned' },
          },
        });
      }
      // The Ba Tơ officer, for contrast, does see Ba Tơ's two households.
      const bato = v.parse(
        CommuneReportResponse,
        JSON.parse((await w.get(`/api/reports/communes/${BA_TO}`, 'canbo.bato')).text),
      );
      expect(bato.commune).toMatchObject({ code: BA_TO, households: 2, members: 0 });
    });

    it("province staff read every commune: the counts, and each device's last sync with its user's display name — no person's data", async () => {
      const w = await world();
      const list = await w.get('/api/reports/communes', 'so.tinh');
      expect(list.status).toBe(200);
      const body = v.parse(CommuneReportsResponse, JSON.parse(list.text));
      expect(body.communes.map((c) => c.code)).toEqual(
        readUnits()
          .map((u) => u.code)
          .sort(),
      );
      const lyson = body.communes.find((c) => c.code === LY_SON);
      expect(lyson).toEqual({
        code: LY_SON,
        name: readUnits().find((u) => u.code === LY_SON)!.name,
        households: 1,
        members: 1,
        approvedClassifications: { poor: 0, 'near-poor': 0, 'average-living-standard': 0, none: 0, undetermined: 0 },
        openConflicts: 0,
        openDuplicates: 0,
        devices: [
          {
            clientId: await clientOf(w.lyson),
            displayName: 'Phạm Thị Hoa (CTV Lý Sơn)',
            lastSyncAt: 1_760_000_000_000,
          },
        ],
      });
      expect(body.communes.find((c) => c.code === BA_TO)).toMatchObject({
        households: 2,
        devices: [{ clientId: await clientOf(w.bato), displayName: 'Đinh Văn Rông (CTV Ba Tơ)' }],
      });
      expect(
        body.communes
          .filter((c) => c.code !== LY_SON && c.code !== BA_TO)
          .every((c) => c.households === 0 && c.devices.length === 0),
      ).toBe(true);
      for (const name of PEOPLE) expect(list.text).not.toContain(name);
      const filtered = v.parse(
        CommuneReportsResponse,
        JSON.parse((await w.get(`/api/reports/communes?codes=${BA_TO},${LY_SON}`, 'so.tinh')).text),
      );
      expect(filtered.communes.map((c) => c.code).sort()).toEqual([BA_TO, LY_SON].sort());
    });

    it("a sync that only downloads moves the device's last sync, kept to the minute; a device whose user lost the commune is no longer listed", async () => {
      const w = await world();
      const officer = await w.device('canbo.lyson');
      w.advance(60_000);
      expect(await officer.sync()).toMatchObject({ kind: 'done', pushed: 0 });
      const devices = async () =>
        v.parse(CommuneReportResponse, JSON.parse((await w.get(`/api/reports/communes/${LY_SON}`, 'so.tinh')).text))
          .commune.devices;
      expect(await devices()).toEqual([
        {
          clientId: await clientOf(officer),
          displayName: 'Nguyễn Thị Mai (cán bộ Lý Sơn)',
          lastSyncAt: 1_760_000_060_000,
        },
        { clientId: await clientOf(w.lyson), displayName: 'Phạm Thị Hoa (CTV Lý Sơn)', lastSyncAt: 1_760_000_000_000 },
      ]);
      // Within the minute the stored time stays (no write per request); a minute on, it moves.
      w.advance(30_000);
      expect(await officer.sync()).toMatchObject({ kind: 'done' });
      expect((await devices())[0]?.lastSyncAt).toBe(1_760_000_060_000);
      w.advance(30_000);
      expect(await officer.sync()).toMatchObject({ kind: 'done' });
      expect((await devices())[0]?.lastSyncAt).toBe(1_760_000_120_000);
      await w.setCommunes('ctv.lyson', [BA_TO]);
      expect((await devices()).map((d) => d.displayName)).toEqual(['Nguyễn Thị Mai (cán bộ Lý Sơn)']);
    });

    it('query parameters and the code are validated: 400 with what is wrong', async () => {
      const w = await world();
      for (const [path, says] of [
        ['/api/reports/communes?codes=abc', 'codes'],
        ['/api/reports/communes?codes=', 'codes'],
        ['/api/reports/communes?page=2', 'page'],
        [`/api/reports/communes/${LY_SON}?codes=${LY_SON}`, 'codes'],
        ['/api/reports/communes/2154', 'code'],
      ] as const) {
        const answer = await w.get(path, 'so.tinh');
        expect(answer.status, path).toBe(400);
        const error = (JSON.parse(answer.text) as { error: { code: string; message: string } }).error;
        expect(error.code).toBe('bad_request');
        expect(error.message, path).toContain(says);
      }
    });
  });
}
