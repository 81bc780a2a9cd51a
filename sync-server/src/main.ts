/** @module The only file that listens on a port. */
import { serve } from '@hono/node-server';
import { readConfig } from './config';
import { startServer } from './server';
import { DEMO_ACCOUNTS } from './seed/demo';

const config = readConfig();
const { app, db, seeded } = await startServer(config, (line) => console.log(line));
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`An Sinh: storage ${db.kind}${config.databaseUrl ? '' : ` (${config.dataDir})`}`);
  if (seeded) {
    console.log(`Demo accounts (passwords in README.md): ${DEMO_ACCOUNTS.map((a) => a.username).join(", ")}`);
  }
  console.log(`An Sinh is running at http://localhost:${info.port}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    void db.close().then(() => process.exit(0));
  });
}
