/**
 * @module Creates an administrator (whole province) — the way into a server started without demo data. Runs with
 * access to the database itself (`npm run create-admin`), never over HTTP. Refuses a taken name, a short password
 * and the demo's public one, naming the field.
 */
import type { Database } from '../db/database';
import { DEMO_PASSWORD } from '../seed/demo';
import { createUser, findUserByUsername } from '../store/users';
import type { PasswordHasher } from './hashing';

export const MIN_ADMIN_PASSWORD = 12;

export type CreateAdminResult =
  | { ok: true; id: string }
  | { ok: false; field: 'username' | 'password'; message: string };

export async function createAdmin(
  db: Database,
  input: { username: string; password: string; displayName?: string },
  passwords: PasswordHasher,
  now: number,
): Promise<CreateAdminResult> {
  const username = input.username.trim();
  if (!/^[a-z0-9][a-z0-9._-]{2,63}$/.test(username)) {
    return {
      ok: false,
      field: 'username',
      message: 'Tên đăng nhập (username): 3–64 ký tự, chữ thường không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới.',
    };
  }
  if ([...input.password].length < MIN_ADMIN_PASSWORD) {
    return { ok: false, field: 'password', message: `Mật khẩu (password): cần ít nhất ${MIN_ADMIN_PASSWORD} ký tự.` };
  }
  if (input.password === DEMO_PASSWORD) {
    return {
      ok: false,
      field: 'password',
      message: 'Mật khẩu (password): không được dùng mật khẩu demo đã công khai trong README.',
    };
  }
  if (await findUserByUsername(db, username)) {
    return { ok: false, field: 'username', message: `Tên đăng nhập (username): "${username}" đã có người dùng.` };
  }
  const passwordHash = await passwords.hash(input.password);
  const id = await db.transaction((tx) =>
    createUser(
      tx,
      {
        username,
        displayName: input.displayName?.trim() || 'Quản trị hệ thống',
        role: 'admin',
        passwordHash,
        scope: 'province',
      },
      now,
    ),
  );
  return { ok: true, id };
}
