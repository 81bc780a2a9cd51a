/** @module Which record each attachment belongs to; the record's commune decides who may download it. */
import type { SqlExecutor } from '../db/database';

export async function linkAttachment(
  db: SqlExecutor,
  link: { hash: string; recordId: string; kind: string; mime: string; size: number; userId: string; now: number },
): Promise<void> {
  await db.run(
    `INSERT INTO attachments (hash, record_id, kind, mime, size, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (hash, record_id) DO NOTHING`,
    [link.hash, link.recordId, link.kind, link.mime, link.size, link.userId, link.now],
  );
}

/** The communes an attachment may be read from (its records' communes now), with its type. */
export async function attachmentAccess(
  db: SqlExecutor,
  hash: string,
): Promise<
  { communes: string[]; mime: string; records: { type: string; data: Record<string, unknown> }[] } | undefined
> {
  const rows = await db.all<{ commune: string; mime: string; type: string; data: string }>(
    'SELECT r.commune AS commune, a.mime AS mime, r.type AS type, r.data AS data FROM attachments a JOIN records r ON r.id = a.record_id WHERE a.hash = ?',
    [hash],
  );
  return rows[0]
    ? {
        communes: rows.map((r) => r.commune),
        mime: rows[0].mime,
        records: rows.map((r) => ({ type: r.type, data: JSON.parse(r.data) as Record<string, unknown> })),
      }
    : undefined;
}

/** Whether these bytes are already linked to this record (then whoever may read the record may know it). */
export async function isLinked(db: SqlExecutor, hash: string, recordId: string): Promise<boolean> {
  const rows = await db.all<{ hash: string }>('SELECT hash FROM attachments WHERE hash = ? AND record_id = ?', [
    hash,
    recordId,
  ]);
  return rows.length > 0;
}
