/**
 * @module The signature list (danh sách ký nhận) of a round, printed from the browser on A4: one page per village
 * and item (all of the round's items, or the one chosen), with the commune's name, a line to sign on for each
 * household and the signatures of who prepared it and the village head.
 */
import { useState } from 'preact/hooks';
import { riceKgPerPersonMonth, roundRiceOfDamage } from '../../domain/emergency/rice';
import { useLiveQuery } from 'dexie-react-hooks';
import { handoutHousehold, roundWithHandouts } from '../../db/relief';
import { db, useSession } from '../services';
import { useT } from '../i18n';
import { formatVnDate } from '../dates';
import { formatQuantity } from '../format';
import { SelectField } from '../fields';
import { entitlementsOf } from './EmergencyPage';
import { PrintSigners } from './PrintSigners';
import { useReliefTexts } from './texts';

interface Row {
  key: string;
  householdId?: string;
  damageId?: string;
  headName: string;
  people: number | undefined;
  /** Rice to receive by the law (the damage record, or the monthly ration a person), for the paper round. */
  riceKg: number;
}

export function PrintPage({ id }: { id: string }) {
  const t = useT();
  const rt = useReliefTexts();
  const session = useSession();
  const [chosen, setChosen] = useState('all');
  const state = useLiveQuery(() => roundWithHandouts(db, id), [id]);
  if (!state?.round) return null;
  const { round, planned, people, damages, event } = state;
  const communeName = session?.user.communes.find((c) => c.code === round.communeCode)?.name ?? round.communeCode;
  const handouts = state.handouts.filter((x) => !x.voided);
  const ration = riceKgPerPersonMonth(round.date, round.campaign === 'tet' ? 'tet' : 'hardship')?.kg ?? 0;
  const riceOf = (damageId: string | undefined, members: number) => {
    const damage = damages.find((d) => d.id === damageId);
    if (damage && event) {
      const answer = entitlementsOf(event, damage);
      return (answer && roundRiceOfDamage(answer)?.kgThisRound) ?? 0;
    }
    return members * ration;
  };
  const byVillage = new Map<string, Row[]>();
  const add = (village: string, row: Row) => byVillage.set(village, [...(byVillage.get(village) ?? []), row]);
  for (const h of planned.records) {
    const damage = damages.find((d) => d.householdId === h.id);
    const count = people.get(h.id) ?? 0;
    add(h.village, {
      key: h.id,
      householdId: h.id,
      headName: h.headName,
      people: people.get(h.id),
      riceKg: riceOf(damage?.id, count),
    });
  }
  // Households noted for follow-up, not registered yet, sign on the same list.
  for (const d of damages.filter((x) => !x.householdId))
    add(d.village, {
      key: d.id,
      damageId: d.id,
      headName: d.headName,
      people: d.members,
      riceKg: riceOf(d.id, d.members),
    });
  const items = round.items.filter((_, index) => chosen === 'all' || String(index) === chosen);
  return (
    <section class="print-list">
      <div class="no-print actions">
        {round.items.length > 1 && (
          <SelectField
            name="print-item"
            label={rt.itemKind}
            value={chosen}
            options={[
              ['all', rt.printAllItems] as const,
              ...round.items.map((i, index) => [String(index), rt.inUnit(i.itemName, i.unit)] as const),
            ]}
            onChange={setChosen}
          />
        )}
        <button type="button" onClick={() => window.print()}>
          {t.print}
        </button>
      </div>
      {[...byVillage].flatMap(([village, rows]) =>
        items.map((item) => (
          <article class="a4" key={`${village}|${item.item}|${item.itemName}`} data-testid="print-page">
            <header>
              {/* The national heading of an official form: a legal name, the same in every language. */}
              <p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc</p>
              <p data-testid="print-commune">{rt.printCommune(communeName)}</p>
              <h1>{rt.printTitle}</h1>
              <p>
                {round.name} · {village} · {formatVnDate(round.date)} · {rt.inUnit(item.itemName, item.unit)}
              </p>
            </header>
            <table>
              <thead>
                <tr>
                  <th>{rt.printNumber}</th>
                  <th>{rt.printHeadName}</th>
                  <th>{rt.printPeople}</th>
                  <th>{rt.printQuantity}</th>
                  <th>{rt.printSignature}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, index) => {
                  // What was handed out of this item, or (rice) what the household is to receive for the paper round.
                  const given = handouts
                    .filter(
                      (x) =>
                        x.item === item.item &&
                        x.itemName.trim().toLowerCase() === item.itemName.trim().toLowerCase() &&
                        (row.householdId
                          ? handoutHousehold(x, damages) === row.householdId
                          : x.damageId === row.damageId),
                    )
                    .reduce((s, x) => s + x.quantity, 0);
                  const toReceive = item.unit === 'kg' ? row.riceKg : 0;
                  const quantity = given || toReceive;
                  return (
                    <tr key={row.key}>
                      <td>{index + 1}</td>
                      <td>{row.headName}</td>
                      <td>{row.people ?? ''}</td>
                      <td>{quantity ? formatQuantity(quantity, item.unit) : ''}</td>
                      <td class="sign">
                        <span class="sign-line" />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <PrintSigners />
          </article>
        )),
      )}
    </section>
  );
}
