/** @module Households on the server: the current state of each, tagged with the commune version that wrote it. */
import type { SqlExecutor } from '../db/database';
import type { Household } from '../../../src/shared/household';

export interface StoredHousehold {
  household: Household;
  commune: string;
}

interface Row {
  id: string;
  commune: string;
  version: number;
  data: string;
  updatedAt: number;
}

function fromRow(row: Row): StoredHousehold {
  return {
    commune: row.commune,
    household: { ...(JSON.parse(row.data) as Omit<Household, 'id' | 'version' | 'updatedAt'>), id: row.id, version: row.version, updatedAt: row.updatedAt },
  };
}

const SELECT = 'SELECT id, commune, version, data, updated_at AS "updatedAt" FROM households';

export async function getHousehold(db: SqlExecutor, id: string): Promise<StoredHousehold | undefined> {
  const row = await db.get<Row>(`${SELECT} WHERE id = ?`, [id]);
  return row && fromRow(row);
}

export async function putHousehold(tx: SqlExecutor, household: Household, updatedBy: string): Promise<void> {
  const { id, version, updatedAt, ...fields } = household;
  await tx.run(
    `INSERT INTO households (id, commune, version, data, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET commune = excluded.commune, version = excluded.version, data = excluded.data,
       updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    [id, fields.communeCode, version, JSON.stringify(fields), updatedAt, updatedBy],
  );
}

/** One page of a commune's changes after `cursor`, in version order. */
export async function householdsSince(db: SqlExecutor, commune: string, cursor: number, limit: number): Promise<StoredHousehold[]> {
  const rows = await db.all<Row>(`${SELECT} WHERE commune = ? AND version > ? ORDER BY version LIMIT ?`, [commune, cursor, limit]);
  return rows.map(fromRow);
}
