/**
 * Issue 10: screens reach data only through src/db functions. A screen (src/ui) or a route (src/routes) that opens
 * a Dexie table itself fails this test, with the file and line: the table's shape, its indexes and its transaction
 * scopes are then in one place, src/db.
 */
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/db/database';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('screens and data', () => {
  it('no file in src/ui or src/routes touches a Dexie table or opens a transaction', () => {
    const tables = openDb('table-names').tables.map((table) => table.name);
    expect(tables).toContain('households');
    const touch = new RegExp(`\\bdb\\.(${tables.join('|')}|table|transaction)\\b`);
    const found = ['src/ui', 'src/routes'].flatMap(sources).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) => (touch.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });

  it('no screen reads a record untyped or saves one unchecked: LocalRecord and savePatch stay inside src/db', () => {
    // Screens get a kind's typed reads and its checking save (src/db/records.ts); the loose row type and the raw
    // write path are for src/db's own modules.
    const loose = /\b(LocalRecord|savePatch)\b/;
    const found = ['src/ui', 'src/routes'].flatMap(sources).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) => (loose.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });
});
