// `npm run projections:rebuild [-- --check]`: rebuilds every projection of the read side (sync-server/src/projections/)
// from the records, in the configured database (DATA_DIR, or PostgreSQL with DATABASE_URL, as the server), and says
// per projection how many rows the live view had otherwise. A running server's writes wait for it. With --check
// nothing is changed, and the exit code is 1 when a live view differs from its rebuild.
import { readConfig } from './config';
import { openDatabase } from './db/open';
import { rebuildAll } from './projections';

const check = process.argv.includes('--check');
const config = readConfig(process.env, []);
const db = await openDatabase(config);
try {
  let differing = 0;
  for (const { name, live, rebuilt } of await rebuildAll(db, { keep: !check })) {
    const before = new Set(live.map((row) => JSON.stringify(row)));
    const after = new Set(rebuilt.map((row) => JSON.stringify(row)));
    const changed =
      [...after].filter((row) => !before.has(row)).length + [...before].filter((row) => !after.has(row)).length;
    differing += changed;
    const verdict =
      changed === 0 ? 'the live view was the same' : `${changed} rows differed between the live view and the records`;
    console.log(
      `${name}: ${rebuilt.length} rows from the records (${db.kind}); ${verdict}${check ? ' — checked, nothing changed' : ''}`,
    );
  }
  if (check && differing > 0) process.exitCode = 1;
} finally {
  await db.close();
}
