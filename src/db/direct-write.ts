/**
 * @module One readwrite transaction straight on the IndexedDB connection Dexie opened, for the one write that
 * happens at every tap on "Lưu" (outbox.ts, `savePatch`). Through Dexie the same three writes took about three
 * times a bare transaction: Dexie enters its transaction zone first, and at commit it re-runs every live query on
 * screen before the save's promise resolves. Here the save resolves at commit, and the live queries are told of the
 * change just after, in their own task (`Dexie.on('storagemutated')`, the event Dexie itself fires at commit, which
 * also reaches other tabs). bench/app.ts, "save one edit with its outbox entry".
 *
 * IndexedDB still orders this transaction with Dexie's own: a readwrite transaction waits for every other one over
 * the same stores, whoever opened it.
 */
import { Dexie, RangeSet, type IndexableType, type ObservabilitySet } from 'dexie';
import type { AnSinhDb } from './database';

export interface DirectTransaction {
  store(name: string): IDBObjectStore;
  /** A request's result, as a promise that keeps the transaction alive (it resolves inside the success event). */
  read<T>(request: IDBRequest<T>): Promise<T>;
  /** Tells live queries what changed: these primary keys, and any index, of this store. */
  changed(store: string, keys: readonly IndexableType[]): void;
}

/**
 * Runs `body` in one strict readwrite transaction over `stores` and resolves with its answer once committed; a
 * throw in `body` (or a failed request) aborts it, so nothing of it is written.
 */
export async function directWrite<T>(
  db: AnSinhDb,
  stores: readonly string[],
  body: (tx: DirectTransaction) => Promise<T>,
): Promise<T> {
  if (!db.isOpen()) await db.open();
  const tx = db.backendDB().transaction([...stores], 'readwrite', { durability: 'strict' });
  const parts: ObservabilitySet = {};
  const committed = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException('The save was taken back', 'AbortError'));
  });
  // A rejection of `committed` is read below; until then it must not count as unhandled.
  committed.catch(() => undefined);
  let answer: T;
  try {
    answer = await body({
      store: (name) => tx.objectStore(name),
      read: (request) =>
        new Promise((resolve, reject) => {
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        }),
      changed: (store, keys) => markChanged(db, parts, store, keys),
    });
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
  await committed;
  if (Object.keys(parts).length > 0) setTimeout(() => Dexie.on.storagemutated.fire(parts), 0);
  return answer;
}

function abortQuietly(tx: IDBTransaction) {
  try {
    tx.abort();
  } catch {
    // Already finished (a failed request aborts it on its own).
  }
}

/** As Dexie's own commit says it: the primary keys written, and every index of the store (whatever it now holds). */
function markChanged(db: AnSinhDb, parts: ObservabilitySet, store: string, keys: readonly IndexableType[]) {
  const prefix = `idb://${db.name}/${store}/`;
  const primary = (parts[prefix] as RangeSet | undefined) ?? new RangeSet();
  primary.addKeys([...keys]);
  parts[prefix] = primary;
  for (const index of db.table(store).schema.indexes)
    parts[prefix + index.name] = new RangeSet(Dexie.minKey, Dexie.maxKey);
}
