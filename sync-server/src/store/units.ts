/** @module Administrative units (communes) loaded into the database, the reference for every user's scope. */
import type { SqlExecutor } from '../db/database';

export interface Unit {
  code: string;
  name: string;
  unitType: string;
}

export async function upsertUnits(db: SqlExecutor, units: readonly Unit[]): Promise<void> {
  for (const unit of units) {
    await db.run(
      'INSERT INTO units (code, name, unit_type) VALUES (?, ?, ?) ON CONFLICT (code) DO UPDATE SET name = excluded.name, unit_type = excluded.unit_type',
      [unit.code, unit.name, unit.unitType],
    );
  }
}

export async function listUnits(db: SqlExecutor): Promise<Unit[]> {
  return db.all<Unit>('SELECT code, name, unit_type AS "unitType" FROM units ORDER BY code');
}
