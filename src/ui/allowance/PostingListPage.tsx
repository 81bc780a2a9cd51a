/**
 * @module The public posting list (danh sách niêm yết, Decree 20/2021 Art. 8(1)(c)) of the commune chosen: the
 * dossiers being posted, printed from the browser on A4 for the notice boards of the commune and its villages.
 * It names no HIV status: categories that would tell it are printed with the neutral wording (lists.ts).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { allowanceCases } from '../../db/cases';
import { db, useSession } from '../services';
import { formatVnDate, todayIso } from '../dates';
import { formatVnd } from '../format';
import { useWorkplace } from '../use-commune';
import { postingList } from './lists';
import { useDeskT, useListWords } from './words';

export function PostingListPage() {
  const t = useDeskT();
  const session = useSession();
  const words = useListWords();
  const { commune } = useWorkplace();
  const cases = useLiveQuery(async () => (commune ? allowanceCases(db, commune) : undefined), [commune]);
  if (!cases || !commune) return null;
  const communeName = session?.user.communes.find((c) => c.code === commune)?.name ?? commune;
  const rows = postingList(cases, todayIso().slice(0, 7), words);
  return (
    <section class="print-list">
      <div class="no-print actions">
        <button type="button" onClick={() => window.print()}>
          {t.print}
        </button>
      </div>
      <article class="a4" data-testid="posting-list">
        <header>
          {/* The national heading of an official form: a legal name, the same in every language. */}
          <p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc</p>
          <p>{t.printCommune(communeName)}</p>
          <h1>{t.allowancePrintHeading}</h1>
          <p>{t.allowancePrintSubheading}</p>
        </header>
        {rows.length === 0 ? (
          <p>{t.allowancePostingEmpty}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>{t.allowanceColNumber}</th>
                <th>{t.allowanceColName}</th>
                <th>{t.allowanceColBirthYear}</th>
                <th>{t.allowanceColResidence}</th>
                <th>{t.allowanceColCategory}</th>
                <th>{t.allowanceColProposed}</th>
                <th>{t.allowanceColWindow}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={row.id} data-testid="posting-row">
                  <td>{index + 1}</td>
                  <td>{row.fullName}</td>
                  <td>{row.birthYear}</td>
                  <td>{row.residence}</td>
                  <td>{row.category}</td>
                  <td>{row.proposedAmount ? formatVnd(row.proposedAmount) : ''}</td>
                  <td>
                    {row.from && row.until
                      ? t.allowancePostingWindow(formatVnDate(row.from), formatVnDate(row.until))
                      : ''}
                    {row.complaintsUntil ? ` · ${t.allowanceComplaintsUntil(formatVnDate(row.complaintsUntil))}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <footer>
          {[t.printPreparedBy, t.allowancePrintChairman].map((who) => (
            <div class="signer" key={who}>
              <strong>{who}</strong>
              <span class="hint">{t.printSignAndName}</span>
              <span class="sign-line" />
            </div>
          ))}
        </footer>
      </article>
    </section>
  );
}
