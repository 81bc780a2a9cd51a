/**
 * Issue 10: the server's SQL lives in sync-server/src/store/ (and the migrations in db/). A file of sync/, http/ or
 * projections/ that runs a query on a database handle, or holds SQL text, fails this test with the file and line —
 * so the tables' shapes and their queries stay in one place, written once for SQLite and PostgreSQL. And records
 * are written only by sync/write-record.ts, the path that keeps the projections right.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const GUARDED = ['sync-server/src/sync', 'sync-server/src/http', 'sync-server/src/projections'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

/** Comments out (what they explain may well quote SQL), line numbers kept. */
function withoutComments(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (block) => block.replace(/[^\n]/g, ' '))
    .replace(/(^|[\s;{}(),])\/\/.*$/gm, '$1');
}

/** A query run on a database handle (the executor is called tx or db in this codebase, or reached as deps.db). */
const QUERY_CALL = /\b(?:tx|db|executor|database)\s*\.\s*(?:get|all|run|exec)\s*(?:<[^>()]*>)?\s*\(/;
/** A string literal, a template literal over several lines included. */
const LITERAL = /'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g;
/** SQL in a literal's text. */
const SQL_TEXT =
  /\b(?:SELECT\b[\s\S]*\bFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|(?:CREATE|DROP|ALTER)\s+(?:TABLE|INDEX))\b/i;

/** Each offending line as "line: text". */
function offences(text: string): string[] {
  const code = withoutComments(text);
  const lines = code.split('\n');
  const found = new Set<number>();
  for (const [index, line] of lines.entries()) if (QUERY_CALL.test(line)) found.add(index);
  for (const match of code.matchAll(LITERAL)) {
    if (SQL_TEXT.test(match[0])) found.add(code.slice(0, match.index).split('\n').length - 1);
  }
  return [...found].sort((x, y) => x - y).map((index) => `${index + 1}: ${lines[index]!.trim()}`);
}

describe('SQL stays in store/', () => {
  it('the detector finds a query and SQL text, and leaves other calls and comments alone', () => {
    const bad = [
      `  const row = await db.get<{ lastSeq: number }>('SELECT last_seq AS "lastSeq" FROM sync_clients WHERE client_id = ?', [clientId]);`,
      `      await tx.run('DELETE FROM records WHERE id = ?', [pair.id]);`,
      '  const sql = `INSERT INTO commune_counts (commune, metric, n) VALUES (?, ?, ?)`;',
      `  await deps.db.all(query);`,
      `  const q = "update records set deleted = 1";`,
      '  const sql = `\n    DELETE FROM commune_counts\n  `;',
    ];
    for (const line of bad) expect(offences(line), line).toHaveLength(1);
    const fine = [
      `  const user = c.get('user');`,
      `  const open = batches.get(tx);`,
      `  await tx.lockAll([...locked]);`,
      `  return db.transaction(async (tx) => {`,
      `  // the device's row (INSERT … ON CONFLICT DO UPDATE … RETURNING) is locked: SELECT … FROM sync_clients`,
      `  /** DELETE FROM records happens in store/records.ts */`,
      `  const url = 'http://localhost/api/sync'; // SELECT x FROM y`,
      `  return rejected('Chọn "đúng là trùng" hoặc "không trùng".');`,
    ];
    for (const line of fine) expect(offences(line), line).toEqual([]);
  });

  it('no file in sync-server/src/sync, http or projections runs a query or holds SQL text', () => {
    const files = GUARDED.flatMap(sources);
    expect(files).toContain(join('sync-server/src/projections', 'commune-counts.ts'));
    const found = files.flatMap((file) => offences(readFileSync(file, 'utf8')).map((line) => `${file}:${line}`));
    expect(found).toEqual([]);
  });

  it('records are written and removed only by sync/write-record.ts (which keeps the projections right)', () => {
    const writers = /\b(?:putRecord|addTombstone|deleteRecord)\b/;
    const found = sources('sync-server/src')
      .filter((file) => !file.startsWith(join('sync-server/src/store')))
      .filter((file) => writers.test(withoutComments(readFileSync(file, 'utf8'))));
    expect(found).toEqual([join('sync-server/src/sync', 'write-record.ts')]);
  });
});
