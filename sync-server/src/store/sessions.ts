/** @module Sign-in sessions, stored by token hash. */
import type { SqlExecutor } from '../db/database';

export async function createSession(
  db: SqlExecutor,
  tokenHash: string,
  userId: string,
  now: number,
  expiresAt: number,
): Promise<void> {
  await db.run('INSERT INTO sessions (token_hash, user_id, expires_at, created_at) VALUES (?, ?, ?, ?)', [
    tokenHash,
    userId,
    expiresAt,
    now,
  ]);
}

/** The user id of a live session, or undefined when the token is unknown or expired. */
export async function findSessionUser(db: SqlExecutor, tokenHash: string, now: number): Promise<string | undefined> {
  const row = await db.get<{ userId: string }>(
    'SELECT user_id AS "userId" FROM sessions WHERE token_hash = ? AND expires_at > ?',
    [tokenHash, now],
  );
  return row?.userId;
}

export async function deleteSession(db: SqlExecutor, tokenHash: string): Promise<void> {
  await db.run('DELETE FROM sessions WHERE token_hash = ?', [tokenHash]);
}
