/**
 * @module What a round hands out and to whom: items (rice in kg, cash in VND, goods) with their source (state
 * budget or mobilised, with the donor) and the quantity available, and the households planned.
 */
import { useMemo, useState } from 'preact/hooks';
import { useLiveQuery } from 'dexie-react-hooks';
import type { RoundItem } from '../../shared/records/emergency';
import { ITEM_UNITS } from '../../domain/emergency/round-defaults';
import { reliefRounds, type LocalRound } from '../../db/relief';
import { householdsByIds } from '../../db/households';
import { communeHouseholds, findHouseholds } from '../../db/search';
import { db } from '../services';
import { useT, useSay } from '../i18n';
import { SelectField, TextField } from '../fields';
import { formatEditable, formatQuantity, parseQuantity } from '../format';
import { useReliefTexts } from './texts';

export function RoundEditor(props: { id: string; round: LocalRound; onDone: () => void }) {
  const t = useT();
  const rt = useReliefTexts();
  const say = useSay();
  const [items, setItems] = useState<RoundItem[]>(props.round.items);
  // What is available as typed, item by item: read on save in the item's unit, never guessed ("2.5" is not 25).
  const [available, setAvailable] = useState<string[]>(
    props.round.items.map((i) => formatEditable(i.available, i.unit)),
  );
  const [availableIssues, setAvailableIssues] = useState<(string | undefined)[]>([]);
  const [planned, setPlanned] = useState<string[]>(props.round.plannedHouseholdIds);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | undefined>();
  const rows = useLiveQuery(() => communeHouseholds(db, props.round.communeCode), [props.round.communeCode]);
  const found = useMemo(
    () => (rows && query.trim() ? findHouseholds(rows, query, { limit: 8 }).households : []),
    [rows, query],
  );
  const shown = useLiveQuery(() => householdsByIds(db, planned), [planned]);
  const names = new Map((shown?.records ?? []).map((h) => [h.id, `${h.headName} · ${h.village}`]));
  const setItem = (index: number, patch: Partial<RoundItem>) =>
    setItems(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));

  async function save() {
    const typed = items.map((item, index) => parseQuantity(available[index] ?? '', item.unit));
    setAvailableIssues(typed.map((parsed) => (parsed.ok ? undefined : parsed.message)));
    if (typed.some((parsed) => !parsed.ok)) return;
    const counted = items.map((item, index) => {
      const parsed = typed[index];
      return parsed?.ok ? { ...item, available: parsed.value } : item;
    });
    const { id: _id, version: _version, deleted: _deleted, ...fields } = props.round;
    const saved = await reliefRounds.save(
      db,
      { ...fields, items: counted, plannedHouseholdIds: planned },
      { id: props.id, now: Date.now() },
    );
    if (!saved.ok) return setError(saved.message ?? Object.values(saved.issues)[0]?.[0]);
    props.onDone();
  }

  return (
    <div class="card" data-testid="round-editor">
      <h2>{rt.roundItems}</h2>
      {items.map((item, index) => {
        const typed = parseQuantity(available[index] ?? '', item.unit);
        const issue = availableIssues[index];
        return (
          <div class="grid-2" key={index}>
            <SelectField
              name={`item-${index}`}
              label={rt.itemKind}
              value={item.item}
              options={[
                ['rice', t.rice],
                ['cash', t.cash],
                ['goods', t.goods],
              ]}
              onChange={(kind) =>
                setItem(index, {
                  item: kind,
                  unit: ITEM_UNITS[kind],
                  itemName: kind === 'rice' ? t.rice : kind === 'cash' ? t.cash : item.itemName,
                })
              }
            />
            <TextField
              name={`itemName-${index}`}
              label={t.itemName}
              value={item.itemName}
              onInput={(itemName) => setItem(index, { itemName })}
            />
            <TextField
              name={`available-${index}`}
              label={rt.inUnit(t.available, item.unit)}
              value={available[index] ?? ''}
              onInput={(value) => {
                setAvailable(available.map((text, i) => (i === index ? value : text)));
                setAvailableIssues(availableIssues.map((x, i) => (i === index ? undefined : x)));
              }}
              inputMode={item.unit === 'kg' ? 'decimal' : 'numeric'}
              hint={typed.ok ? t.readAs(formatQuantity(typed.value, item.unit)) : undefined}
              error={issue && say(issue)}
            />
            <SelectField
              name={`source-${index}`}
              label={rt.source}
              value={item.source}
              options={[
                ['budget', t.budget],
                ['mobilised', t.mobilised],
              ]}
              onChange={(source) => setItem(index, { source })}
            />
            {item.source === 'mobilised' && (
              <TextField
                name={`donor-${index}`}
                label={t.donor}
                value={item.donor ?? ''}
                onInput={(donor) => setItem(index, { donor })}
              />
            )}
          </div>
        );
      })}
      <button
        type="button"
        class="secondary"
        onClick={() => {
          setItems([...items, { item: 'goods', itemName: '', unit: 'item', available: 0, source: 'mobilised' }]);
          setAvailable([...available, '0']);
        }}
      >
        {rt.addItem}
      </button>
      <h2>{rt.plannedHouseholds}</h2>
      <ul class="plain">
        {planned.map((id) => (
          <li key={id}>
            {names.get(id) ?? t.unknownHousehold}{' '}
            <button type="button" class="secondary" onClick={() => setPlanned(planned.filter((x) => x !== id))}>
              {rt.remove}
            </button>
          </li>
        ))}
      </ul>
      <TextField name="add-household" label={t.search} value={query} onInput={setQuery} />
      <ul class="plain">
        {found
          .filter((h) => !planned.includes(h.id))
          .map((h) => (
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
