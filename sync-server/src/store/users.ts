/** @module Accounts and their commune assignments. */
import { randomUUID } from 'node:crypto';
import type { SqlExecutor } from '../db/database';
import type { Role, SessionUser } from '../../../src/shared/protocol';

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  wholeProvince: boolean;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  /** Commune codes, or 'province' for the whole province. */
  scope: readonly string[] | 'province';
  /** Created by the demo seed (public password); any other user is a real one. */
  demo?: boolean;
}

export async function createUser(db: SqlExecutor, user: NewUser, now: number): Promise<string> {
  const id = randomUUID();
  await db.run(
    'INSERT INTO users (id, username, display_name, role, password_hash, whole_province, created_at, demo) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [
      id,
      user.username,
      user.displayName,
      user.role,
      user.passwordHash,
      user.scope === 'province' ? 1 : 0,
      now,
      user.demo ? 1 : 0,
    ],
  );
  if (user.scope !== 'province') {
    for (const commune of user.scope) {
      await db.run('INSERT INTO user_communes (user_id, commune) VALUES (?, ?)', [id, commune]);
    }
  }
  return id;
}

/** How many users the demo seed created and how many are real (everyone else). */
export async function countUsers(db: SqlExecutor): Promise<{ real: number; demo: number }> {
  const rows = await db.all<{ demo: number | boolean; n: number | string }>(
    'SELECT demo, COUNT(*) AS n FROM users GROUP BY demo',
  );
  const count = (demo: boolean) => Number(rows.find((row) => Boolean(Number(row.demo)) === demo)?.n ?? 0);
  return { real: count(false), demo: count(true) };
}

const SELECT_USER =
  'SELECT id, username, display_name AS "displayName", role, password_hash AS "passwordHash", whole_province AS "wholeProvince" FROM users';

function toUser(
  row: (Omit<UserRow, 'wholeProvince'> & { wholeProvince: number | boolean }) | undefined,
): UserRow | undefined {
  return row && { ...row, wholeProvince: Boolean(row.wholeProvince) };
}

export async function findUserByUsername(db: SqlExecutor, username: string): Promise<UserRow | undefined> {
  return toUser(await db.get(`${SELECT_USER} WHERE username = ?`, [username]));
}

export async function findUserById(db: SqlExecutor, id: string): Promise<UserRow | undefined> {
  return toUser(await db.get(`${SELECT_USER} WHERE id = ?`, [id]));
}

/** The communes a user may read and change, decided here on every request — never taken from the device. */
export async function communesOf(
  db: SqlExecutor,
  user: Pick<UserRow, 'id' | 'wholeProvince'>,
): Promise<{ code: string; name: string }[]> {
  if (user.wholeProvince) return db.all('SELECT code, name FROM units ORDER BY code');
  return db.all(
    'SELECT u.code, u.name FROM user_communes uc JOIN units u ON u.code = uc.commune WHERE uc.user_id = ? ORDER BY u.code',
    [user.id],
  );
}

export async function sessionUserOf(db: SqlExecutor, user: UserRow): Promise<SessionUser> {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    wholeProvince: user.wholeProvince,
    communes: await communesOf(db, user),
  };
}

/** Replaces a user's commune assignment (an administrator's decision); takes effect on the next request. */
export async function setUserCommunes(db: SqlExecutor, userId: string, communes: readonly string[]): Promise<void> {
  await db.run('DELETE FROM user_communes WHERE user_id = ?', [userId]);
  for (const commune of communes)
    await db.run('INSERT INTO user_communes (user_id, commune) VALUES (?, ?)', [userId, commune]);
}

/** Replaces a password hash (a stronger rehash at sign-in). */
export async function setPasswordHash(db: SqlExecutor, userId: string, passwordHash: string): Promise<void> {
  await db.run('UPDATE users SET password_hash = ? WHERE id = ?', [passwordHash, userId]);
}
