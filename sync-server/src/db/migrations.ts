/**
 * @module Schema migrations, run at start. Each is portable SQL (SQLite and PostgreSQL) and runs once, in its own
 * transaction with its bookkeeping row. Never edit a migration that has shipped: add the next one.
 */
import type { Database, SqlExecutor } from './database';
import { backfillNameKeys } from '../store/person-keys';
import { clusterLegacyPairs, refreshMemberKeys } from '../sync/apply/duplicates';
import { followEarlierMerges, keyLinkedHandouts } from '../sync/apply/handout-keys';
import { whileMigrating } from '../projections';
import { communeCounts } from '../projections/commune-counts';

interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * Data the SQL cannot compute portably, in the same transaction, after it. Records it writes keep only the
   * projections made by earlier migrations (projections/index.ts `whileMigrating`).
   */
  after?: (tx: SqlExecutor) => Promise<void>;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'units, users, sessions, sync log, records, tombstones, event keys',
    sql: `
      CREATE TABLE units (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        unit_type TEXT NOT NULL
      );
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        whole_province INTEGER NOT NULL DEFAULT 0,
        created_at BIGINT NOT NULL
      );
      CREATE TABLE user_communes (
        user_id TEXT NOT NULL REFERENCES users(id),
        commune TEXT NOT NULL REFERENCES units(code),
        PRIMARY KEY (user_id, commune)
      );
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        expires_at BIGINT NOT NULL,
        created_at BIGINT NOT NULL
      );
      CREATE TABLE sync_clients (
        client_id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        last_seq BIGINT NOT NULL,
        created_at BIGINT NOT NULL
      );
      CREATE TABLE mutation_results (
        client_id TEXT NOT NULL,
        seq BIGINT NOT NULL,
        mutation_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        status TEXT NOT NULL,
        detail TEXT,
        answered_at BIGINT NOT NULL,
        PRIMARY KEY (client_id, seq)
      );
      CREATE TABLE commune_versions (
        commune TEXT PRIMARY KEY,
        version BIGINT NOT NULL,
        history_from BIGINT NOT NULL DEFAULT 0
      );
      CREATE TABLE records (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        commune TEXT NOT NULL,
        version BIGINT NOT NULL,
        parent_id TEXT,
        data TEXT NOT NULL,
        meta TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        updated_by TEXT NOT NULL
      );
      CREATE INDEX records_commune_version ON records (commune, version);
      CREATE INDEX records_parent ON records (parent_id);
      CREATE TABLE tombstones (
        commune TEXT NOT NULL,
        version BIGINT NOT NULL,
        type TEXT NOT NULL,
        id TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        PRIMARY KEY (commune, version)
      );
      CREATE INDEX tombstones_created ON tombstones (created_at);
      CREATE TABLE event_keys (
        commune TEXT NOT NULL,
        dup_key TEXT NOT NULL,
        event_id TEXT NOT NULL,
        PRIMARY KEY (commune, dup_key, event_id)
      );
    `,
  },
  {
    version: 2,
    name: 'person keys for duplicate registrations',
    sql: `
      CREATE TABLE person_keys (
        record_id TEXT PRIMARY KEY,
        record_type TEXT NOT NULL,
        commune TEXT NOT NULL,
        name_key TEXT NOT NULL,
        birth_year TEXT,
        citizen_id TEXT,
        village_key TEXT
      );
      CREATE INDEX person_keys_citizen ON person_keys (commune, citizen_id);
      CREATE INDEX person_keys_year ON person_keys (commune, record_type, birth_year);
      CREATE INDEX person_keys_village ON person_keys (commune, record_type, village_key);
    `,
  },
  {
    version: 3,
    name: 'attachments linked to records',
    sql: `
      CREATE TABLE attachments (
        hash TEXT NOT NULL,
        record_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        mime TEXT NOT NULL,
        size BIGINT NOT NULL,
        created_by TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        PRIMARY KEY (hash, record_id)
      );
      CREATE INDEX attachments_record ON attachments (record_id);
    `,
  },
  {
    version: 5,
    name: 'users created by the demo seed are marked',
    // Before this, only the demo seed created users, so the demo's usernames are exactly the demo users.
    sql: `
      ALTER TABLE users ADD COLUMN demo INTEGER NOT NULL DEFAULT 0;
      UPDATE users SET demo = 1 WHERE username IN ('ctv.lyson', 'ctv2.lyson', 'thon.lyson', 'canbo.lyson', 'ctv.bato', 'canbo.bato', 'so.tinh', 'admin');
    `,
  },
  {
    version: 6,
    name: 'duplicate clusters: look-alike names by indexed half keys, the open cluster of each record',
    sql: `
      ALTER TABLE person_keys ADD COLUMN open_cluster TEXT;
      CREATE INDEX person_keys_open_cluster ON person_keys (open_cluster);
      CREATE INDEX person_keys_name ON person_keys (commune, record_type, name_key);
      CREATE TABLE person_name_keys (
        commune TEXT NOT NULL,
        record_type TEXT NOT NULL,
        scope_key TEXT NOT NULL,
        half_key TEXT NOT NULL,
        name_key TEXT NOT NULL,
        PRIMARY KEY (commune, record_type, scope_key, half_key, name_key)
      );
    `,
    after: async (tx) => {
      await backfillNameKeys(tx);
      await clusterLegacyPairs(tx, Date.now());
    },
  },
  {
    version: 7,
    name: 'cases belong to the household or person they are about (they move with it)',
    sql: '',
    async after(tx) {
      const cases = await tx.all<{ id: string; data: string }>(
        "SELECT id, data FROM records WHERE type = 'case' AND parent_id IS NULL",
      );
      for (const row of cases) {
        const subject = (JSON.parse(row.data) as { subjectId?: unknown }).subjectId;
        if (typeof subject === 'string')
          await tx.run('UPDATE records SET parent_id = ? WHERE id = ?', [subject, row.id]);
      }
    },
  },
  {
    version: 8,
    name: 'read side: counts per commune (a projection of the records), and when each device last synced each commune',
    sql: `
      CREATE TABLE commune_counts (
        commune TEXT NOT NULL,
        metric TEXT NOT NULL,
        n BIGINT NOT NULL,
        PRIMARY KEY (commune, metric)
      );
      CREATE TABLE sync_client_communes (
        client_id TEXT NOT NULL,
        commune TEXT NOT NULL,
        user_id TEXT NOT NULL,
        last_sync_at BIGINT NOT NULL,
        PRIMARY KEY (client_id, commune)
      );
      CREATE INDEX sync_client_communes_commune ON sync_client_communes (commune);
    `,
    // The counts of the records already there. Devices appear in sync_client_communes from their next sync: no
    // table says which communes a device pulled before.
    after: (tx) => communeCounts.rebuild(tx),
  },
  {
    version: 9,
    name: 'issue 11, device names: what the user calls each device, for the officer to see which device wrote a value',
    sql: 'ALTER TABLE sync_clients ADD COLUMN device_name TEXT;',
  },
  {
    version: 10,
    name: 'issue 11: a handout made through a damage entry counts for the household the entry is linked to',
    sql: '',
    after: (tx) => keyLinkedHandouts(tx, Date.now()),
  },
  {
    version: 11,
    name: "issue 11: a commune's records of one kind (its list of villages, its households)",
    sql: 'CREATE INDEX records_commune_type ON records (commune, type);',
  },
  {
    version: 12,
    name: "issue 11: a handout's key found by the handout, to re-key it when the household it counts for changes",
    sql: 'CREATE INDEX event_keys_event ON event_keys (event_id);',
  },
  {
    version: 13,
    name: 'issue 11: what counted for a household merged away counts for the one kept; members keyed as their household stands',
    sql: '',
    after: async (tx) => {
      await followEarlierMerges(tx, Date.now());
      await refreshMemberKeys(tx);
    },
  },
  {
    version: 14,
    name: "issue 13: each commune's payroll month as approved and locked (the list kept as it was sent), and the payer's returns by line",
    sql: `
      CREATE TABLE payroll_months (
        commune TEXT NOT NULL,
        month TEXT NOT NULL,
        state TEXT NOT NULL,
        list TEXT,
        fingerprint TEXT,
        approved_by TEXT,
        approved_at BIGINT,
        locked_by TEXT,
        locked_at BIGINT,
        signer TEXT,
        signed_on TEXT,
        history TEXT NOT NULL,
        PRIMARY KEY (commune, month)
      );
      CREATE TABLE payroll_returns (
        commune TEXT NOT NULL,
        month TEXT NOT NULL,
        line INTEGER NOT NULL,
        status TEXT NOT NULL,
        amount BIGINT NOT NULL,
        paid_on TEXT,
        reason TEXT,
        recorded_by TEXT NOT NULL,
        recorded_at BIGINT NOT NULL,
        PRIMARY KEY (commune, month, line)
      );
    `,
  },
];

export async function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  await db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
  );
  const done = new Set(
    (await db.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version),
  );
  const applied: number[] = [];
  for (const migration of migrations) {
    if (done.has(migration.version)) continue;
    await db.transaction(async (tx) => {
      for (const statement of splitStatements(migration.sql)) await tx.run(statement);
      const { after } = migration;
      if (after) await whileMigrating(tx, migration.version, () => after(tx));
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        migration.version,
        migration.name,
        Date.now(),
      ]);
    });
    applied.push(migration.version);
  }
  return applied;
}

function splitStatements(sql: string): string[] {
  return sql
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
