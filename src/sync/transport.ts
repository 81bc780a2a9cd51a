/**
 * @module How the sync engine reaches the server. Behind an interface so tests can drop, delay or duplicate
 * requests; the real one is fetch. Every answer is validated before the device trusts it.
 */
import * as v from 'valibot';
import { ErrorBody, SyncResponse, type SyncRequest } from '../shared/protocol';

export type TransportResult =
  | { kind: 'ok'; response: SyncResponse }
  /** 401: the token expired or was revoked — sign in again; the outbox is kept. */
  | { kind: 'unauthorized'; message: string }
  /** 426: this app is too old for the server. */
  | { kind: 'upgrade_required'; message: string }
  /** 400/403/413: the server refused the request itself; retrying the same request will not help. */
  | { kind: 'refused'; status: number; message: string }
  /** No network, a timeout, 5xx: try again later. */
  | { kind: 'retry'; message: string };

export interface Transport {
  sync(request: SyncRequest, token: string): Promise<TransportResult>;
}

type Fetch = (url: string, init: RequestInit) => Promise<Response> | Response;

export function fetchTransport(options: { baseUrl?: string; timeoutMs?: number; fetch?: Fetch } = {}): Transport {
  const { baseUrl = '', timeoutMs = 60_000, fetch: doFetch = (url, init) => fetch(url, init) } = options;
  return {
    async sync(request, token) {
      let response: Response;
      try {
        response = await doFetch(`${baseUrl}/api/sync`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(request),
          signal: AbortSignal.timeout(timeoutMs),
          cache: 'no-store',
        });
      } catch (error) {
        return { kind: 'retry', message: error instanceof Error ? error.message : String(error) };
      }
      return readAnswer(response);
    },
  };
}

async function readAnswer(response: Response): Promise<TransportResult> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { kind: 'retry', message: `HTTP ${response.status}: không đọc được câu trả lời` };
  }
  if (response.ok) {
    const parsed = v.safeParse(SyncResponse, body);
    return parsed.success ? { kind: 'ok', response: parsed.output } : { kind: 'retry', message: 'Câu trả lời của máy chủ không hợp lệ' };
  }
  const error = v.safeParse(ErrorBody, body);
  const message = error.success ? error.output.error.message : `HTTP ${response.status}`;
  if (response.status === 401) return { kind: 'unauthorized', message };
  if (response.status === 426) return { kind: 'upgrade_required', message };
  if (response.status >= 500 || response.status === 429) return { kind: 'retry', message };
  return { kind: 'refused', status: response.status, message };
}
