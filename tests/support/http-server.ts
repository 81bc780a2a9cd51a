/** The real server on a real port (loopback), over a data folder that outlives restarts. */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { openDatabase } from '../../sync-server/src/db/open';
import { prepareDatabase } from '../../sync-server/src/server';
import { createApp } from '../../sync-server/src/http/app';
import { fileAttachmentStore } from '../../sync-server/src/attachments/file-store';
import { join } from 'node:path';
import { testPasswords } from './passwords';

export async function startHttpServer(options: {
  dataDir: string;
  staticDir: string;
  port?: number;
  demoRegistry?: boolean;
  attachments?: boolean;
  clockOffsetMs?: number;
}) {
  const db = await openDatabase({ dataDir: options.dataDir, databaseUrl: undefined });
  const passwords = testPasswords();
  await prepareDatabase(db, {
    seedDemo: true,
    demoRegistry: options.demoRegistry ?? false,
    now: Date.now(),
    passwords,
  });
  const attachments = options.attachments ? fileAttachmentStore(join(options.dataDir, 'attachments')) : undefined;
  const offset = options.clockOffsetMs ?? 0;
  const clock = offset === 0 ? Date.now : () => Date.now() + offset;
  const app = createApp({
    db,
    clock,
    sessionTtlMs: 24 * 3600 * 1000,
    staticDir: options.staticDir,
    passwords,
    ...(attachments ? { attachments } : {}),
  });
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: '127.0.0.1' }, () => resolve(s as Server));
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    db,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
