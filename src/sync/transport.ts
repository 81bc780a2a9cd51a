/**
 * @module How the sync engine reaches the server. Behind an interface so tests can drop, delay, duplicate or
 * reorder requests; the real one is fetch, with a gzipped body. Every answer is validated before it is trusted.
 */
import * as v from 'valibot';
import { encodeMessage, isMessageCode } from '../shared/messages';
import {
  ErrorBody,
  WireSyncResponse,
  expandVersions,
  type SyncRequest,
  type SyncResponse,
  type WireChange,
} from '../shared/protocol';

export type TransportResult =
  | { kind: 'ok'; response: SyncResponse }
  /** 401: the token expired or was revoked — sign in again; the outbox is kept. */
  | { kind: 'unauthorized'; message: string }
  /** 426: this app is too old for the server. */
  | { kind: 'upgrade_required'; message: string }
  /** 400/403/413: the server refused the request itself; retrying the same request will not help. */
  | { kind: 'refused'; status: number; message: string }
  /** No network, a timeout, 5xx, 429: try again later (after `retryAfterMs` when the server said). */
  | { kind: 'retry'; message: string; retryAfterMs?: number; network?: true };

export interface Transport {
  sync(request: SyncRequest, token: string): Promise<TransportResult>;
}

type Fetch = (url: string, init: RequestInit) => Promise<Response> | Response;

/** Bodies below this are not worth a gzip header and the CPU on a cheap tablet. */
const GZIP_FROM_BYTES = 1024;

export function fetchTransport(options: { baseUrl?: string; timeoutMs?: number; fetch?: Fetch } = {}): Transport {
  const { baseUrl = '', timeoutMs = 60_000, fetch: doFetch = (url, init) => fetch(url, init) } = options;
  return {
    async sync(request, token) {
      let response: Response;
      try {
        const { body, encoding } = await encodeBody(JSON.stringify(request));
        response = await doFetch(`${baseUrl}/api/sync`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Authorization: `Bearer ${token}`,
            ...(encoding ? { 'Content-Encoding': encoding } : {}),
          },
          body,
          signal: AbortSignal.timeout(timeoutMs),
          cache: 'no-store',
        });
      } catch {
        // No answer at all (offline, cut, timed out): not the server failing on this batch.
        // The browser's own words ("Failed to fetch") mean nothing to a collaborator: say what happened instead.
        return { kind: 'retry', message: encodeMessage('sync.noConnection'), network: true };
      }
      return readAnswer(response);
    },
  };
}

export async function encodeBody(json: string): Promise<{ body: BodyInit; encoding?: 'gzip' }> {
  if (json.length < GZIP_FROM_BYTES || typeof CompressionStream === 'undefined') return { body: json };
  const stream = new Blob([json]).stream().pipeThrough(new CompressionStream('gzip'));
  return { body: await new Response(stream).arrayBuffer(), encoding: 'gzip' };
}

async function readAnswer(response: Response): Promise<TransportResult> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { kind: 'retry', message: encodeMessage('sync.unreadableAnswer', { status: response.status }) };
  }
  if (response.ok) {
    const parsed = v.safeParse(WireSyncResponse, body);
    if (!parsed.success) return { kind: 'retry', message: encodeMessage('sync.invalidAnswer') };
    // Each change is checked against `Change` when the page is applied; one that fails is set aside there.
    return {
      kind: 'ok',
      response: { ...parsed.output, changes: expandVersions(parsed.output.changes as WireChange[]) },
    };
  }
  const error = v.safeParse(ErrorBody, body);
  // The server's message code when it sent one this app knows (the screens translate it), else its Vietnamese text.
  const problem = error.success ? error.output.error.problem : undefined;
  const message =
    problem && isMessageCode(problem.code)
      ? encodeMessage(problem.code, problem.params)
      : error.success
        ? error.output.error.message
        : encodeMessage('sync.httpStatus', { status: response.status });
  if (response.status === 401) return { kind: 'unauthorized', message };
  if (response.status === 426) return { kind: 'upgrade_required', message };
  if (response.status >= 500 || response.status === 429) {
    const retryAfter = Number(response.headers.get('Retry-After'));
    return { kind: 'retry', message, ...(retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}) };
  }
  return { kind: 'refused', status: response.status, message };
}
