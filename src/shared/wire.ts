/**
 * @module How a sync answer is written on the wire — the encoder, beside its decoder (`WireSyncResponse` and
 * `expandVersions` in protocol.ts), so the two are one definition and one round-trip test
 * (src/shared/wire.test.ts). The server writes pull answers with it; devices only read them.
 *
 * Written by hand rather than with one JSON.stringify, for a first download's sake: each record's data goes out as
 * the JSON text the server stored (never parsed and serialised again), and a change's `version` is left out when it
 * is one more than the previous change of its commune.
 */
import type { SyncResponse } from './protocol';
import type { RecordTypeName } from './records/registry';

/**
 * A change as the server holds it for sending: a record's `data` is its stored JSON text, sent as it is; `commune`
 * is a commune code and `id` a UUID (both validated before they were stored), so they are written unescaped.
 */
export type OutgoingChange =
  | {
      kind: 'record';
      commune: string;
      version: number;
      type: RecordTypeName;
      id: string;
      data: string;
      deleted: boolean;
    }
  | { kind: 'tombstone'; commune: string; version: number; type: RecordTypeName; id: string };

/** The changes as the JSON array of the protocol's WireChange, in the order given (version order per commune). */
export function encodeChanges(changes: readonly OutgoingChange[]): string {
  const last = new Map<string, number>();
  const parts = changes.map((change) => {
    // A version one past the previous one of its commune is left out (see WireChange).
    const implied = (last.get(change.commune) ?? 0) + 1 === change.version;
    last.set(change.commune, change.version);
    // Commune codes are digits, types our own names and ids were validated as UUIDs (server-made ones are too):
    // nothing to escape, and JSON.stringify on each would cost a first download of 100,000 records 0.1–0.2 s.
    const head = `{"commune":"${change.commune}"${implied ? '' : `,"version":${change.version}`},"type":"${change.type}","id":"${change.id}"`;
    if (change.kind === 'tombstone') return `${head},"removed":true}`;
    return `${head},"data":${change.data}${change.deleted ? ',"deleted":true' : ''}}`;
  });
  return `[${parts.join(',')}]`;
}

/** The whole answer of POST /api/sync: its head as JSON.stringify writes it, then the changes, last. */
export function encodeSyncResponse(head: Omit<SyncResponse, 'changes'>, changes: readonly OutgoingChange[]): string {
  return `${JSON.stringify(head).slice(0, -1)},"changes":${encodeChanges(changes)}}`;
}
