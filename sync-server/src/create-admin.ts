// `npm run create-admin -- <username> [display name]`: creates an administrator in the configured database (same
// DATA_DIR / DATABASE_URL as the server). The password is read from standard input — typed without echo on a
// terminal, or piped — so it never appears in the shell history, the process list or a log. Exit code 2 on bad input.
import { createInterface } from 'node:readline';
import { readConfig } from './config';
import { openDatabase } from './db/open';
import { prepareDatabase } from './server';
import { createAdmin } from './auth/create-admin';
import { scryptHasher } from './auth/hashing';

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += String(chunk);
    return text.split(/\r?\n/)[0] ?? '';
  }
  process.stdout.write('Mật khẩu / password: ');
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Typed characters are not echoed: readline writes through this, and we swallow everything it writes.
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined;
  const password = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  process.stdout.write('\n');
  return password;
}

const [username, ...nameParts] = process.argv.slice(2);
if (!username) {
  console.error('Cách dùng / usage: npm run create-admin -- <tên đăng nhập> [tên hiển thị]');
  process.exit(2);
}
const config = readConfig();
const db = await openDatabase(config);
try {
  await prepareDatabase(db, { seedDemo: false, now: Date.now() });
  const result = await createAdmin(
    db,
    { username, password: await readPassword(), displayName: nameParts.join(' ') },
    scryptHasher(),
    Date.now(),
  );
  if (!result.ok) {
    console.error(result.message);
    process.exitCode = 2;
  } else {
    console.log(`Đã tạo tài khoản quản trị "${username.trim()}" (toàn tỉnh). Đăng nhập tại máy chủ An Sinh.`);
  }
} finally {
  await db.close();
}
