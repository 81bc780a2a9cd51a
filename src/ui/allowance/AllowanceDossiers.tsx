/**
 * @module The allowance dossiers on the officer's desk: name, form (a form 1b dossier said neutrally), status, the
 * day filed and when the decision is due (overdue ones stand out), open ones first; and the ways to the posting list and the beneficiary register.
 */
import { Link } from '@tanstack/react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { allowanceCases } from '../../db/cases';
import { pendingRecordIds } from '../../db/queue';
import { db } from '../services';
import { useSay } from '../i18n';
import { formatVnDate, todayIso } from '../dates';
import { DeadlineNote } from './DeadlineNote';
import { dossierRows } from './lists';
import { useDeskT, useListWords } from './words';

export function AllowanceDossiers({ commune }: { commune: string }) {
  const t = useDeskT();
  const say = useSay();
  const words = useListWords();
  const state = useLiveQuery(
    async () => ({ cases: await allowanceCases(db, commune), pending: await pendingRecordIds(db) }),
    [commune],
  );
  if (!state) return null;
  const rows = dossierRows(state.cases, words, todayIso());
  return (
    <div class="card" data-testid="allowance-dossiers">
      <h2>{t.allowanceDossiers}</h2>
      <p class="actions">
        <Link to="/allowances/posting">{t.allowancePostingLink}</Link> ·{' '}
        <Link to="/allowances/register">{t.allowanceRegisterLink}</Link>
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
    </div>
  );
}
