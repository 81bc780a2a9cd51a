/** @module The only file that listens on a port. */
import { serve } from '@hono/node-server';
import { readConfig } from './config';
import { DemoOnRealDatabaseError, startServer, startupNotes } from './server';

const config = readConfig(process.env, process.argv.slice(2));
const started = await startServer(config, (line) => console.log(line)).catch((error: unknown) => {
  if (!(error instanceof DemoOnRealDatabaseError)) throw error;
  console.error(error.message);
  process.exit(1);
});
const { app, db } = started;
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`An Sinh: storage ${db.kind}${config.databaseUrl ? '' : ` (${config.dataDir})`}`);
  for (const line of startupNotes(started, config.seedDemo)) console.log(line);
  console.log(`An Sinh is running at http://localhost:${info.port}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    void db.close().then(() => process.exit(0));
  });
}
