/**
 * @module Types of the device tables that database.ts and the modules it uses (search-terms.ts) both need, so
 * neither imports the other for them.
 */

/** A row of a record table: `{ id, version, deleted?, ...data }` (version 0 until the server has answered for it). */
export interface LocalRecord {
  id: string;
  version: number;
  communeCode: string;
  deleted?: boolean;
  [field: string]: unknown;
}
