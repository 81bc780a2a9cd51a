/**
 * Issue 9, item 15: no demo accounts unless asked. The server's default is off; `npm start` asks; demo data is
 * refused on a database with real users (any user the demo seed did not create); with no users the operator is told
 * how to create the first administrator (`npm run create-admin`). Storage behaviour on SQLite and PostgreSQL.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../sync-server/src/db/database';
import { openDatabase } from '../../sync-server/src/db/open';
import { migrate } from '../../sync-server/src/db/migrations';
import { readConfig } from '../../sync-server/src/config';
import { DemoOnRealDatabaseError, prepareDatabase, startupNotes } from '../../sync-server/src/server';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../sync-server/src/seed/demo';
import { countUsers, createUser } from '../../sync-server/src/store/users';
import { createAdmin } from '../../sync-server/src/auth/create-admin';
import { createApp } from '../../sync-server/src/http/app';
import { freshDatabases, storageEngines } from '../support/engines';
import { testPasswords } from '../support/passwords';

const run = promisify(execFile);
const engines = await storageEngines('demo and first admin');
const passwords = testPasswords();
const ADMIN_PASSWORD = 'Quang-Ngai-2026-an-sinh';

async function signIn(db: Database, username: string, password: string) {
  const app = createApp({ db, clock: Date.now, sessionTtlMs: 3600_000, passwords });
  return app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
}

describe('#9.15 configuration', () => {
  it('#9.15 the server seeds no demo data unless asked; npm start asks for it', () => {
    expect(readConfig({}).seedDemo).toBe(false);
    expect(readConfig({ SEED_DEMO: 'yes please' }).seedDemo).toBe(false);
    expect(readConfig({ SEED_DEMO: 'true' }).seedDemo).toBe(true);
    expect(readConfig({}, ['--demo']).seedDemo).toBe(true);
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.start).toMatch(/main\.ts --demo$/);
    expect(scripts['create-admin']).toBe('tsx sync-server/src/create-admin.ts');
  });

  it('#9.15 with no users the operator is told how to create the first admin', () => {
    const notes = startupNotes({ seeded: false, users: { real: 0, demo: 0 } }, false).join('\n');
    expect(notes).toContain('npm run create-admin -- <tên đăng nhập>');
    expect(notes).not.toContain(DEMO_PASSWORD);
    expect(startupNotes({ seeded: false, users: { real: 1, demo: 0 } }, false)).toEqual([]);
    expect(startupNotes({ seeded: false, users: { real: 0, demo: 8 } }, false).join('\n')).toMatch(
      /Cảnh báo: .*tài khoản demo/,
    );
  });

  it('#9.15 TRUSTED_PROXIES is a list of addresses, none by default', () => {
    expect(readConfig({}).trustedProxies).toEqual([]);
    expect(readConfig({ TRUSTED_PROXIES: '127.0.0.1, ::ffff:10.0.0.2,' }).trustedProxies).toEqual([
      '127.0.0.1',
      '10.0.0.2',
    ]);
  });
});

for (const engine of engines) {
  describe.skipIf(!engine.available)(`#9.15 demo data and the first admin [${engine.name}]`, () => {
    const fresh = freshDatabases(engine);

    it('#9.15 a server started with the default configuration has no accounts at all', async () => {
      const db = await fresh();
      const prepared = await prepareDatabase(db, { seedDemo: readConfig({}).seedDemo, now: Date.now(), passwords });
      expect(prepared).toEqual({ seeded: false, users: { real: 0, demo: 0 } });
      expect((await signIn(db, 'admin', DEMO_PASSWORD)).status).toBe(401);
    });

    it('#9.15 demo users are marked as demo, and asking again on the demo database seeds nothing more', async () => {
      const db = await fresh();
      expect(
        (await prepareDatabase(db, { seedDemo: true, demoRegistry: false, now: Date.now(), passwords })).seeded,
      ).toBe(true);
      expect(await countUsers(db)).toEqual({ real: 0, demo: DEMO_ACCOUNTS.length });
      expect(await prepareDatabase(db, { seedDemo: true, demoRegistry: false, now: Date.now(), passwords })).toEqual({
        seeded: false,
        users: { real: 0, demo: DEMO_ACCOUNTS.length },
      });
    });

    it('#9.15 demo data is refused on a database that has a real user, and nothing is added', async () => {
      const db = await fresh();
      expect(
        await createAdmin(db, { username: 'quantri', password: ADMIN_PASSWORD }, passwords, Date.now()),
      ).toMatchObject({ ok: true });
      await expect(
        prepareDatabase(db, { seedDemo: true, demoRegistry: false, now: Date.now(), passwords }),
      ).rejects.toThrow(DemoOnRealDatabaseError);
      await expect(prepareDatabase(db, { seedDemo: true, now: Date.now(), passwords })).rejects.toThrow(
        /tài khoản thật/,
      );
      expect(await countUsers(db)).toEqual({ real: 1, demo: 0 });
      expect(Number((await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM records'))?.n)).toBe(0);
    });

    it('#9.15 a real user added to a demo database also makes the demo refused', async () => {
      const db = await fresh();
      await prepareDatabase(db, { seedDemo: true, demoRegistry: false, now: Date.now(), passwords });
      await createUser(
        db,
        {
          username: 'canbo.that',
          displayName: 'Cán bộ thật',
          role: 'commune_officer',
          passwordHash: await passwords.hash('mot-mat-khau-dai'),
          scope: ['21548'],
        },
        1,
      );
      await expect(
        prepareDatabase(db, { seedDemo: true, demoRegistry: false, now: Date.now(), passwords }),
      ).rejects.toThrow(DemoOnRealDatabaseError);
    });

    it('#9.15 migration 5 marks the accounts an older demo seed created, and no one else', async () => {
      const db = await fresh();
      // The database as it was before migration 5: no demo column, the demo seed's users plus one of the operator's.
      await db.exec('ALTER TABLE users DROP COLUMN demo');
      await db.run('DELETE FROM schema_migrations WHERE version = 5');
      for (const [i, username] of ['admin', 'ctv.lyson', 'nguoi.that'].entries()) {
        await db.run(
          "INSERT INTO users (id, username, display_name, role, password_hash, whole_province, created_at) VALUES (?, ?, 'x', 'admin', 'scrypt$1$1$1$a$b', 1, 1)",
          [`u${i}`, username],
        );
      }
      expect(await migrate(db)).toEqual([5]);
      const rows = await db.all<{ username: string; demo: number }>(
        'SELECT username, demo FROM users ORDER BY username',
      );
      expect(rows.map((r) => [r.username, Number(r.demo)])).toEqual([
        ['admin', 1],
        ['ctv.lyson', 1],
        ['nguoi.that', 0],
      ]);
    });

    it('#9.15 create-admin makes an administrator who can sign in; bad input is refused naming the field', async () => {
      const db = await fresh();
      const now = Date.now();
      expect(await createAdmin(db, { username: 'quantri', password: 'ngan' }, passwords, now)).toMatchObject({
        ok: false,
        field: 'password',
        message: expect.stringMatching(/^Mật khẩu \(password\): cần ít nhất 12 ký tự/),
      });
      expect(
        await createAdmin(db, { username: 'quantri', password: DEMO_PASSWORD + DEMO_PASSWORD }, passwords, now),
      ).toMatchObject({ ok: true });
      expect(await createAdmin(db, { username: 'khac', password: DEMO_PASSWORD }, passwords, now)).toMatchObject({
        ok: false,
        field: 'password',
      });
      expect(await createAdmin(db, { username: 'quantri', password: ADMIN_PASSWORD }, passwords, now)).toMatchObject({
        ok: false,
        field: 'username',
        message: expect.stringMatching(/đã có người dùng/),
      });
      expect(await createAdmin(db, { username: 'Quản Trị', password: ADMIN_PASSWORD }, passwords, now)).toMatchObject({
        ok: false,
        field: 'username',
      });
      const response = await signIn(db, 'quantri', DEMO_PASSWORD + DEMO_PASSWORD);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { user: { role: string; wholeProvince: boolean } };
      expect(body.user).toMatchObject({ role: 'admin', wholeProvince: true });
      expect(await countUsers(db)).toEqual({ real: 1, demo: 0 });
    });
  });
}

describe('#9.15 the commands', () => {
  const tsx = join('node_modules', '.bin', 'tsx');

  it('#9.15 npm run create-admin reads the password from standard input; the server then refuses the demo and exits with a clear message', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ansinh-admin-'));
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', SEED_DEMO: '' };
    try {
      const created = run(tsx, ['sync-server/src/create-admin.ts', 'quantri', 'Nguyễn Văn Quản'], { env });
      created.child.stdin!.end(`${ADMIN_PASSWORD}\n`);
      expect((await created).stdout).toContain('Đã tạo tài khoản quản trị "quantri"');

      const db = await openDatabase({ dataDir, databaseUrl: undefined });
      try {
        const response = await signIn(db, 'quantri', ADMIN_PASSWORD);
        expect(response.status).toBe(200);
        expect(((await response.json()) as { user: { displayName: string } }).user.displayName).toBe('Nguyễn Văn Quản');
      } finally {
        await db.close();
      }

      const refused = await run(tsx, ['sync-server/src/main.ts', '--demo'], {
        env: { ...env, PORT: '0', HOST: '127.0.0.1' },
      }).catch((error: unknown) => error as { code: number; stderr: string });
      expect(refused).toMatchObject({
        code: 1,
        stderr: expect.stringContaining('Không nạp dữ liệu demo: cơ sở dữ liệu đã có 1 tài khoản thật'),
      });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
