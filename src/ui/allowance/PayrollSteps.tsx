/**
 * @module Where the month's list stands and the officer's steps on it (issue 13; the rules are the server's,
 * sync-server/src/payroll/months.ts): approve the list as shown, record the chairman's signature that locks it,
 * reopen it with a reason; its history. Online only, like the list itself: each step answers the month anew.
 */
import { useState } from 'preact/hooks';
import type { PayrollMonthView } from '../../shared/payroll-steps';
import { useCan } from '../services';
import { parseVnDate } from '../dates';
import { formatDateTime } from '../format';
import { TextField } from '../fields';
import { usePayrollT } from './payroll-texts';

export function PayrollSteps(props: {
  view: PayrollMonthView;
  /** Sends a step; answers an error to show, or nothing when the month came back. */
  take: (step: 'approve' | 'lock' | 'reopen', body: unknown) => Promise<string | undefined>;
}) {
  const t = usePayrollT();
  const decides = useCan('case', 'decide');
  const { view } = props;
  const [signer, setSigner] = useState('');
  const [signedOn, setSignedOn] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const send = async (step: 'approve' | 'lock' | 'reopen', body: unknown) => setError(await props.take(step, body));
  const day = parseVnDate(signedOn);

  return (
    <div class="no-print card" data-testid="payroll-steps">
      <p>
        <strong data-testid="payroll-state">{t.stateIs(t.states[view.state])}</strong>
      </p>
      {view.changedSince && (
        <p class="warning" data-testid="payroll-changed">
          {view.state === 'locked' ? t.changedSinceLocked : t.changedSinceApproved}
        </p>
      )}
      {decides && (view.state === 'open' || (view.state === 'approved' && view.changedSince)) && (
        <p class="actions">
          <button type="button" onClick={() => void send('approve', { seen: view.fingerprint })}>
            {t.approve}
          </button>
        </p>
      )}
      {decides && view.state === 'approved' && !view.changedSince && (
        <fieldset>
          <legend>{t.lockTitle}</legend>
          <TextField name="payroll-signer" label={t.signer} value={signer} onInput={setSigner} />
          <TextField name="payroll-signed-on" label={t.signedOn} value={signedOn} onInput={setSignedOn} />
          <button
            type="button"
            disabled={!signer.trim() || !day}
            onClick={() => void send('lock', { signer, signedOn: day })}
          >
            {t.lock}
          </button>
        </fieldset>
      )}
      {decides && view.state !== 'open' && (
        <fieldset>
          <legend>{t.reopenTitle}</legend>
          <TextField name="payroll-reopen-reason" label={t.reopenReason} value={reason} onInput={setReason} />
          <button
            type="button"
            class="secondary"
            disabled={!reason.trim()}
            onClick={() => void send('reopen', { reason })}
          >
            {t.reopen}
          </button>
        </fieldset>
      )}
      {error && (
        <p class="error" data-testid="payroll-step-error">
          {error}
        </p>
      )}
      {view.history.length > 0 && (
        <section data-testid="payroll-history">
          <h3>{t.historyTitle}</h3>
          <ul class="plain">
            {view.history.map((h) => (
              <li key={`${h.step}-${h.at}`}>
                {t.stepLine(t.steps[h.step], h.signer ?? h.by, formatDateTime(h.at))}
                {h.reason ? ` — ${h.reason}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
