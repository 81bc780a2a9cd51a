/**
 * @module A person's monthly-allowance applications on the member page (issue 12): each with its form, the day it
 * was received and its status, the one being written, and the way to a new one. Loaded on demand by the member
 * page (MemberPage.tsx), so the first screen does not carry it; the form loads on demand too.
 */
import { Link } from '@tanstack/react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { allowanceCasesOf, allowanceDraftKey } from '../../db/allowance-cases';
import { draftWithTime } from '../../db/drafts';
import { db, useCan } from '../services';
import { useT } from '../i18n';
import { useAllowanceListTexts } from './list-texts';
import { formatVnDate } from '../dates';

export function MemberAllowances({ memberId }: { memberId: string }) {
  const t = { ...useT(), ...useAllowanceListTexts() };
  const mayApply = useCan('case', 'create');
  const state = useLiveQuery(
    async () => ({
      cases: await allowanceCasesOf(db, memberId),
      draft: await draftWithTime(db, allowanceDraftKey(memberId)),
    }),
    [memberId],
  );
  if (!state) return null;
  return (
    <section class="card" aria-labelledby="allowance-cases-title">
      <h2 id="allowance-cases-title">{t.allowanceCasesTitle}</h2>
      {state.cases.length === 0 ? (
        <p class="hint">{t.noAllowanceCases}</p>
      ) : (
        <ul class="plain" data-testid="allowance-cases">
          {state.cases.map((c) => (
            <li key={c.id}>
              {t.allowanceFormPrivate} · {formatVnDate(c.filedOn)} ·{' '}
              <span class="badge" data-testid="allowance-status">
                {t.statuses[c.status as keyof typeof t.statuses] ?? c.status}
              </span>
              {c.status === 'returned' && mayApply && (
                <>
                  {c.returnReason && <span class="hint"> — {c.returnReason}</span>}{' '}
                  <Link
                    to="/members/$memberId/allowance/$caseId"
                    params={{ memberId, caseId: c.id }}
                    data-testid="allowance-reopen"
                  >
                    {t.reopenAllowance}
                  </Link>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {mayApply && (
        <p>
          {state.draft && <span data-testid="allowance-draft">{t.allowanceDraftOpen} · </span>}
          <Link to="/members/$memberId/allowance" params={{ memberId }} class="button">
            {state.draft ? t.continueDraft : t.applyAllowance}
          </Link>
        </p>
      )}
    </section>
  );
}
