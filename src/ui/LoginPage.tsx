/** @module Sign-in. Needs the network once; afterwards the device opens offline with the stored session. */
import { useState } from 'preact/hooks';
import { useNavigate } from '@tanstack/react-router';
import * as v from 'valibot';
import { ErrorBody, LoginResponse } from '../shared/protocol';
import { encodeMessage, isMessageCode } from '../shared/messages';
import { checkUserSwitch, clearUserData } from '../db/device-reset';
import { db, sessionStore, syncController } from './services';
import { useT, useSay } from './i18n';

export function LoginPage() {
  const t = useT();
  const say = useSay();
  const navigate = useNavigate();
  const previous = sessionStore.get();
  const [username, setUsername] = useState(previous?.user.username ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const answer = await signIn(username, password);
      if (!answer.ok) return setError(answer.message ? say(answer.message) : t.loginFailed);
      const session = answer.session;
      if (previous && previous.user.id !== session.user.id) {
        const check = await checkUserSwitch(db);
        if (!check.ok) return setError(t.otherUserPending(check.pending, previous.user.displayName));
        await clearUserData(db);
      }
      await sessionStore.save({ ...session, expired: false });
      void syncController.syncNow();
      await navigate({ to: '/households' });
    } catch {
      setError(t.loginNeedsNetwork);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card narrow" onSubmit={(e) => void submit(e)}>
      <h1>{t.login}</h1>
      <label>
        {t.username}
        <input
          name="username"
          autocomplete="username"
          value={username}
          onInput={(e) => setUsername(e.currentTarget.value)}
          required
        />
      </label>
      <label>
        {t.password}
        <input
          name="password"
          type="password"
          autocomplete="current-password"
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
          required
        />
      </label>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {t.login}
      </button>
    </form>
  );
}

async function signIn(
  username: string,
  password: string,
): Promise<{ ok: true; session: LoginResponse } | { ok: false; message: string }> {
  const response = await fetch('/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
    cache: 'no-store',
  });
  const body: unknown = await response.json();
  if (response.ok) return { ok: true, session: v.parse(LoginResponse, body) };
  const error = v.safeParse(ErrorBody, body);
  if (!error.success) return { ok: false, message: '' };
  const { problem, message } = error.output.error;
  // The server's message code when this app knows it (shown in the chosen language), else its Vietnamese text.
  return {
    ok: false,
    message: problem && isMessageCode(problem.code) ? encodeMessage(problem.code, problem.params) : message,
  };
}
