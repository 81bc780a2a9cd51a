// A load client in its own process, so the server under test does not share its event loop with the client.
// Usage: node bench/load-client.mjs <pull|push> <options.json>; prints one JSON line with its figures.
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';

const [mode, file] = process.argv.slice(2);
const o = JSON.parse(readFileSync(file, 'utf8'));
const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${o.token}` };

if (mode === 'pull') {
  let cursor = 0;
  let epoch = 0;
  let rows = 0;
  let requests = 0;
  const clientId = randomUUID();
  const started = performance.now();
  for (;;) {
    const response = await fetch(`${o.url}/api/sync`, {
      method: 'POST',
      headers: { ...headers, 'Accept-Encoding': 'gzip' },
      body: JSON.stringify({
        protocol: o.protocol,
        schema: o.schema,
        clientId,
        mutations: [],
        pull: [{ commune: o.commune, cursor, epoch }],
      }),
    });
    const answer = await response.json();
    requests += 1;
    rows += answer.changes.length;
    cursor = answer.cursors[o.commune];
    epoch = answer.epochs[o.commune];
    if (!answer.hasMore) break;
  }
  console.log(JSON.stringify({ rows, requests, ms: performance.now() - started }));
} else {
  const clientId = randomUUID();
  let sent = 0;
  const started = performance.now();
  for (let seq = 1; seq <= o.count; seq += o.batch) {
    const mutations = [];
    for (let k = 0; k < o.batch; k++) {
      const n = o.offset + seq - 1 + k;
      const index = n % o.ids.length;
      mutations.push({
        seq: seq + k,
        id: randomUUID(),
        schema: o.schema,
        at: n,
        stamp: String(n),
        op: { kind: 'patch', type: 'household', id: o.ids[index], fields: { notes: [`ghi chú ${n}`, index + 1] } },
      });
    }
    const body = gzipSync(JSON.stringify({ protocol: o.protocol, schema: o.schema, clientId, mutations, pull: [] }));
    const response = await fetch(`${o.url}/api/sync`, {
      method: 'POST',
      headers: { ...headers, 'Content-Encoding': 'gzip' },
      body,
    });
    if (!response.ok) throw new Error(`push ${response.status}: ${await response.text()}`);
    const answer = await response.json();
    sent += answer.results.length;
  }
  console.log(JSON.stringify({ sent, ms: performance.now() - started }));
}
