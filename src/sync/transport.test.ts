import { describe, expect, it } from 'vitest';
import { decodeMessage } from '../shared/messages';
import { formatVi } from '../shared/messages-vi';
import { fetchTransport } from './transport';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../shared/protocol';

describe('the fetch transport with no network', () => {
  it('answers "try again" with a message code saying there is no connection and nothing is lost, not "Failed to fetch"', async () => {
    const transport = fetchTransport({
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    const result = await transport.sync(
      { protocol: PROTOCOL_VERSION, schema: SCHEMA_VERSION, clientId: 'c', mutations: [], pull: [] },
      'token',
    );
    expect(result).toMatchObject({ kind: 'retry', network: true });
    if (result.kind !== 'retry') throw new Error('not a retry');
    expect(decodeMessage(result.message).code).toBe('sync.noConnection');
    expect(formatVi(result.message)).toMatch(/Không có kết nối.*vẫn được lưu trên máy/);
    expect(formatVi(result.message)).not.toContain('Failed to fetch');
  });
});
