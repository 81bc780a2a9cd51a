/** @module The signature list (danh sách ký nhận) of a round, one village per page, A4, printed from the browser. */
import { riceKgPerPersonMonth } from '../../domain/emergency/rice';
import { useLiveQuery } from 'dexie-react-hooks';
import { roundWithHandouts } from '../../db/relief';
import type { LocalHousehold } from '../../db/households';
import { db } from '../services';
import { useT } from '../i18n';
import { formatVnDate } from '../dates';

export function PrintPage({ id }: { id: string }) {
  const t = useT();
  const state = useLiveQuery(() => roundWithHandouts(db, id), [id]);
  if (!state?.round) return null;
  const { round, planned, people } = state;
  const handouts = state.handouts.filter((x) => !x.voided);
  const byVillage = new Map<string, LocalHousehold[]>();
  for (const h of planned.records) byVillage.set(h.village, [...(byVillage.get(h.village) ?? []), h]);
  const item = round.items[0];
  if (!item) return null;
  const riceKg = riceKgPerPersonMonth(round.date, round.campaign === 'tet' ? 'tet' : 'hardship')?.kg ?? 0;
  return (
    <section class="print-list">
      <button type="button" class="no-print" onClick={() => window.print()}>
        {t.print}
      </button>
      {[...byVillage].map(([village, households]) => (
        <article class="a4" key={village} data-testid="print-page">
          <header>
            {/* The national heading of an official form: a legal name, the same in every language. */}
            <p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc</p>
            <h1>{t.printTitle}</h1>
            <p>
              {round.name} · {village} · {formatVnDate(round.date)} · {item.itemName} ({item.unit})
            </p>
          </header>
          <table>
            <thead>
              <tr>
                <th>{t.printNumber}</th>
                <th>{t.printHeadName}</th>
                <th>{t.printPeople}</th>
                <th>{t.printQuantity}</th>
                <th>{t.printSignature}</th>
              </tr>
            </thead>
            <tbody>
              {households.map((h, index) => {
                // What was handed out, or what the household is to receive (rice: the law's amount a person) for the paper round.
                const given = handouts.filter((x) => x.householdId === h.id).reduce((s, x) => s + x.quantity, 0);
                const toReceive = item.unit === 'kg' ? (people.get(h.id) ?? 0) * riceKg : 0;
                return (
                  <tr key={h.id}>
                    <td>{index + 1}</td>
                    <td>{h.headName}</td>
                    <td>{people.get(h.id) ?? ''}</td>
                    <td>{given || toReceive || ''}</td>
                    <td class="sign" />
                  </tr>
                );
              })}
            </tbody>
          </table>
          <footer>
            <span>{t.printPreparedBy}</span>
            <span>{t.printVillageHead}</span>
          </footer>
        </article>
      ))}
    </section>
  );
}
