/**
 * @module The allowance dossiers on the officer's desk: name, form (a form 1b dossier said neutrally), status, the
 * day filed and when the decision is due (overdue ones stand out), open ones first; the changes to decided
 * allowances waiting for a decision; and the ways to the posting list and the beneficiary register.
 */
import { Link } from '@tanstack/react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { allowanceCases } from '../../db/cases';
import { changeCases } from '../../db/change-cases';
import { pendingRecordIds } from '../../db/queue';
import { db } from '../services';
import { useSay } from '../i18n';
import { formatVnDate, todayIso } from '../dates';
import { DeadlineNote } from './DeadlineNote';
import { dossierRows } from './lists';
import { formatMonth, useDeskT, useListWords } from './words';

export function AllowanceDossiers({ commune }: { commune: string }) {
  const t = useDeskT();
  const say = useSay();
  const words = useListWords();
  const state = useLiveQuery(
    async () => ({
      cases: await allowanceCases(db, commune),
      changes: await changeCases(db, commune),
      pending: await pendingRecordIds(db),
    }),
    [commune],
  );
  if (!state) return null;
  const rows = dossierRows(state.cases, words, todayIso());
  const names = new Map(state.cases.map((c) => [c.id, c.application.applicant.fullName] as const));
  // Changes proposed and waiting for the chairman, oldest first, each on its grant's dossier.
  const open = state.changes
    .filter((c) => c.status === 'submitted' && names.has(c.change.grantCaseId))
    .sort((a, b) => a.change.proposedOn.localeCompare(b.change.proposedOn));
  return (
    <div class="card" data-testid="allowance-dossiers">
      <h2>{t.allowanceDossiers}</h2>
      <p class="actions">
        <Link to="/allowances/posting">{t.allowancePostingLink}</Link> ·{' '}
        <Link to="/allowances/register">{t.allowanceRegisterLink}</Link> ·{' '}
        <Link to="/allowances/payroll">{t.allowancePayrollLink}</Link>
      </p>
      {rows.length === 0 && <p>{t.noAllowanceDossiers}</p>}
      {rows.map((row) => (
        <div class={row.deadline?.overdue ? 'row overdue' : 'row'} key={row.id} data-testid="allowance-row">
          <span>
            <Link to="/allowances/$caseId" params={{ caseId: row.id }}>
              {row.fullName}
            </Link>{' '}
            · {row.form} · <strong>{say.words.statuses[row.status]}</strong> · {t.allowanceFiledOn}{' '}
            {formatVnDate(row.filedOn)}
            {state.pending.has(row.id) ? ` (${t.waitingToSend})` : ''}
          </span>
          <DeadlineNote deadline={row.deadline} />
        </div>
      ))}
      {open.length > 0 && (
        <>
          <h3>{t.allowanceChangesWaiting}</h3>
          {open.map((change) => (
            <div class="row" key={change.id} data-testid="allowance-change-row">
              <span>
                <Link to="/allowances/$caseId" params={{ caseId: change.change.grantCaseId }}>
                  {names.get(change.change.grantCaseId)}
                </Link>{' '}
                · {t.allowanceChangeKinds[change.change.change]} · {t.allowanceFrom}{' '}
                {formatMonth(change.change.effectiveMonth)}
                {state.pending.has(change.id) ? ` (${t.waitingToSend})` : ''}
              </span>
            </div>
          ))}
        </>
      )}
    </div>
  );
}
