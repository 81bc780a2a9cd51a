/**
 * @module What a round hands out and to whom: items (rice in kg, cash in VND, goods) with their source (state
 * budget or mobilised, with the donor) and the quantity available, and the households planned.
 */
import { useMemo, useState } from 'preact/hooks';
import { useLiveQuery } from 'dexie-react-hooks';
import * as v from 'valibot';
import { ReliefRoundFields, type RoundItem } from '../../shared/records/emergency';
import { savePatch } from '../../db/outbox';
import { communeHouseholds, findHouseholds } from '../../db/search';
import { db } from '../services';
import { useT, useSay } from '../i18n';
import { SelectField, TextField } from '../fields';

export function RoundEditor(props: { id: string; round: v.InferOutput<typeof ReliefRoundFields>; onDone: () => void }) {
  const t = useT();
  const say = useSay();
  const [items, setItems] = useState<RoundItem[]>(props.round.items);
  const [planned, setPlanned] = useState<string[]>(props.round.plannedHouseholdIds);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | undefined>();
  const rows = useLiveQuery(() => communeHouseholds(db, props.round.communeCode), [props.round.communeCode]);
  const found = useMemo(() => (rows && query.trim() ? findHouseholds(rows, query, { limit: 8 }).households : []), [rows, query]);
  const names = new Map((rows ?? []).map((h) => [h.id, `${String(h.headName)} · ${String(h.village)}`]));
  const setItem = (index: number, patch: Partial<RoundItem>) => setItems(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));

  async function save() {
    const parsed = v.safeParse(ReliefRoundFields, { ...props.round, items, plannedHouseholdIds: planned });
    if (!parsed.success) return setError(parsed.issues[0]?.message);
    await savePatch(db, 'relief_round', props.id, parsed.output, Date.now());
    props.onDone();
  }

  return (
    <div class="card" data-testid="round-editor">
      <h2>{t.roundItems}</h2>
      {items.map((item, index) => (
        <div class="grid-2" key={index}>
          <SelectField name={`item-${index}`} label={t.itemKind} value={item.item} options={[['rice', t.rice], ['cash', t.cash], ['goods', t.goods]]} onChange={(kind) => setItem(index, { item: kind, unit: kind === 'rice' ? 'kg' : kind === 'cash' ? 'VND' : 'item', itemName: kind === 'rice' ? 'Gạo' : kind === 'cash' ? 'Tiền mặt' : item.itemName })} />
          <TextField name={`itemName-${index}`} label={t.itemName} value={item.itemName} onInput={(itemName) => setItem(index, { itemName })} />
          <TextField name={`available-${index}`} label={`${t.available} (${item.unit})`} value={String(item.available)} onInput={(value) => setItem(index, { available: Number(value.replace(/\D/g, '')) || 0 })} inputMode="numeric" />
          <SelectField name={`source-${index}`} label={t.source} value={item.source} options={[['budget', t.budget], ['mobilised', t.mobilised]]} onChange={(source) => setItem(index, { source })} />
          {item.source === 'mobilised' && <TextField name={`donor-${index}`} label={t.donor} value={item.donor ?? ''} onInput={(donor) => setItem(index, { donor })} />}
        </div>
      ))}
      <button type="button" class="secondary" onClick={() => setItems([...items, { item: 'goods', itemName: '', unit: 'item', available: 0, source: 'mobilised' }])}>
        {t.addItem}
      </button>
      <h2>{t.plannedHouseholds}</h2>
      <ul class="plain">
        {planned.map((id) => (
          <li key={id}>
            {names.get(id) ?? id}{' '}
            <button type="button" class="secondary" onClick={() => setPlanned(planned.filter((x) => x !== id))}>
              {t.remove}
            </button>
          </li>
        ))}
      </ul>
      <TextField name="add-household" label={t.search} value={query} onInput={setQuery} />
      <ul class="plain">
        {found.filter((h) => !planned.includes(h.id)).map((h) => (
          <li key={h.id}>
            <button type="button" class="secondary" onClick={() => setPlanned([...planned, h.id])}>
              + {h.headName} · {h.village}
            </button>
          </li>
        ))}
      </ul>
      {error && <p class="error">{say(error)}</p>}
      <div class="actions">
        <button type="button" onClick={() => void save()}>
          {t.save}
        </button>
        <button type="button" class="secondary" onClick={props.onDone}>
          {t.cancel}
        </button>
      </div>
    </div>
  );
}
