/**
 * @module The beneficiary register of the commune chosen: who receives the monthly allowance under a decision,
 * with its category (said neutrally where it would tell HIV status), coefficient, monthly amount, first month,
 * number and date; how many and the monthly total.
 */
import { Link } from '@tanstack/react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { allowanceCases } from '../../db/cases';
import { db } from '../services';
import { formatVnDate } from '../dates';
import { formatNumber, formatVnd } from '../format';
import { useWorkplace } from '../use-commune';
import { beneficiaryRegister } from './lists';
import { formatMonth, useDeskT, useListWords } from './words';

export function RegisterPage() {
  const t = useDeskT();
  const words = useListWords();
  const { commune } = useWorkplace();
  const cases = useLiveQuery(async () => (commune ? allowanceCases(db, commune) : undefined), [commune]);
  if (!cases) return null;
  const register = beneficiaryRegister(cases, words);
  return (
    <section class="card" data-testid="allowance-register">
      <Link to="/review">← {t.back}</Link>
      <h1>{t.allowanceRegisterTitle}</h1>
      {register.count === 0 ? (
        <p>{t.allowanceRegisterEmpty}</p>
      ) : (
        <>
          <p data-testid="register-total">{t.allowanceRegisterTotal(register.count, formatVnd(register.total))}</p>
          <table>
            <thead>
              <tr>
                <th>{t.allowanceColNumber}</th>
                <th>{t.allowanceColName}</th>
                <th>{t.allowanceColCategory}</th>
                <th>{t.allowanceCoefficient}</th>
                <th>{t.allowanceColAmount}</th>
                <th>{t.allowanceColStart}</th>
                <th>{t.allowanceColDecision}</th>
              </tr>
            </thead>
            <tbody>
              {register.rows.map((row, index) => (
                <tr key={row.id} data-testid="register-row">
                  <td>{index + 1}</td>
                  <td>
                    <Link to="/allowances/$caseId" params={{ caseId: row.id }}>
                      {row.fullName}
                    </Link>
                  </td>
                  <td>{row.category}</td>
                  {row.decision ? (
                    <>
                      <td>{formatNumber(row.decision.coefficient)}</td>
                      <td>{formatVnd(row.decision.amount)}</td>
                      <td>{formatMonth(row.decision.startMonth)}</td>
                      <td>{t.allowanceDecisionOf(row.decision.number, formatVnDate(row.decision.signedOn))}</td>
                    </>
                  ) : (
                    <td colSpan={4}>{t.allowanceDecisionPending}</td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
