/** @module The signature list (danh sách ký nhận) of a round, one village per page, A4, printed from the browser. */
import { riceKgPerPersonMonth } from '../../domain/emergency/rice';
import { useLiveQuery } from 'dexie-react-hooks';
import * as v from 'valibot';
import { ReliefRoundFields } from '../../shared/records/emergency';
import { handoutsOfRound, peopleOnRound, roundOf } from '../../db/relief';
import { householdsByIds } from '../../db/households';
import { db } from '../services';
import { useT } from '../i18n';
import { formatVnDate } from '../dates';

export function PrintPage({ id }: { id: string }) {
  const t = useT();
  const state = useLiveQuery(async () => {
    const round = v.safeParse(ReliefRoundFields, await roundOf(db, id));
    if (!round.success) return undefined;
    const households = await householdsByIds(db, round.output.plannedHouseholdIds);
    const counts = await peopleOnRound(db, round.output.plannedHouseholdIds, round.output.emergencyId);
    const handouts = (await handoutsOfRound(db, id)).filter((x) => !x.voided);
    return { round: round.output, households, counts, handouts };
  }, [id]);
  if (!state) return null;
  const byVillage = new Map<string, typeof state.households>();
  for (const h of state.households) byVillage.set(String(h!.village), [...(byVillage.get(String(h!.village)) ?? []), h]);
  const item = state.round.items[0]!;
  const riceKg = riceKgPerPersonMonth(state.round.date, state.round.campaign === 'tet' ? 'tet' : 'hardship')?.kg ?? 0;
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
              {state.round.name} · {village} · {formatVnDate(state.round.date)} · {item.itemName} ({item.unit})
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
                const given = state.handouts.filter((x) => x.householdId === h!.id).reduce((s, x) => s + Number(x.quantity), 0);
                const planned = item.unit === 'kg' ? (state.counts.get(h!.id) ?? 0) * riceKg : 0;
                return (
                  <tr key={h!.id}>
                    <td>{index + 1}</td>
                    <td>{String(h!.headName)}</td>
                    <td>{state.counts.get(h!.id) ?? ''}</td>
                    <td>{given || planned || ''}</td>
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
