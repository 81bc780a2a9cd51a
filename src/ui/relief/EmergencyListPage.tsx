/** @module Emergencies of the commune, newest first, and a new one recorded on the spot (offline). */
import { useState } from 'preact/hooks';
import { Link, useNavigate } from '@tanstack/react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import * as v from 'valibot';
import { EMERGENCY_TYPES, EmergencyFields } from '../../shared/records/emergency';
import { campaignsOf, emergenciesOf } from '../../db/relief';
import { villagesOf } from '../../db/search';
import { RoundLinks } from './RoundLinks';
import { savePatch } from '../../db/outbox';
import { newId } from '../../shared/ids';
import { db, useCan } from '../services';
import { useT, useSay } from '../i18n';
import { formatVnDate, parseVnDate, todayIso } from '../dates';
import { SelectField, TextField } from '../fields';
import { useWorkplace } from '../use-commune';
import { futureDateOnDevice } from '../../db/client-id';

export function EmergencyListPage() {
  const t = useT();
  const say = useSay();
  const may = { round: useCan('relief_round', 'create'), emergency: useCan('emergency', 'create') };
  const navigate = useNavigate();
  const { commune } = useWorkplace();
  const events = useLiveQuery(async () => (commune ? emergenciesOf(db, commune) : []), [commune]);
  const campaigns = useLiveQuery(async () => (commune ? campaignsOf(db, commune) : []), [commune]);
  const [campaign, setCampaign] = useState<'18-4' | '6-6' | '1-10' | '3-12' | 'tet'>('tet');

  async function newCampaign() {
    const id = newId();
    const round = {
      communeCode: commune,
      campaign,
      name: `${t.campaignNames[campaign]} ${todayIso().slice(0, 4)}`,
      date: todayIso(),
      items: [{ item: 'cash', itemName: t.cash, unit: 'VND', available: 0, source: 'mobilised' }],
      plannedHouseholdIds: [],
    };
    // Dated today by this tablet's clock: refused here, as the server would, when that clock runs ahead.
    const future = await futureDateOnDevice(db, 'relief_round', round, Date.now());
    if (future) return setIssues({ campaign: future });
    await savePatch(db, 'relief_round', id, round, Date.now());
    await navigate({ to: '/rounds/$roundId', params: { roundId: id } });
  }
  const villages = useLiveQuery(async () => (commune ? villagesOf(db, commune) : []), [commune]);
  const [type, setType] = useState<(typeof EMERGENCY_TYPES)[number] | ''>('');
  const [date, setDate] = useState(formatVnDate(todayIso()));
  const [chosen, setChosen] = useState<string[]>([]);
  const [description, setDescription] = useState('');
  const [issues, setIssues] = useState<Record<string, string>>({});

  async function create(event: Event) {
    event.preventDefault();
    const parsed = v.safeParse(EmergencyFields, { communeCode: commune, type: type || undefined, date: parseVnDate(date) ?? date, villages: chosen, description });
    if (!parsed.success) return setIssues(Object.fromEntries(Object.entries(v.flatten<typeof EmergencyFields>(parsed.issues).nested ?? {}).map(([k, m]) => [k, m?.[0] ?? ''])));
    const future = await futureDateOnDevice(db, 'emergency', parsed.output, Date.now());
    if (future) return setIssues({ date: future });
    const id = newId();
    await savePatch(db, 'emergency', id, parsed.output, Date.now());
    await navigate({ to: '/emergencies/$emergencyId', params: { emergencyId: id } });
  }

  return (
    <section>
      <h1>{t.emergencies}</h1>
      <ul class="list" data-testid="emergency-list">
        {events?.map((e) => (
          <li key={e.id}>
            <Link to="/emergencies/$emergencyId" params={{ emergencyId: e.id }}>
              <strong>{t.emergencyTypes[e.type as keyof typeof t.emergencyTypes]}</strong>
              <span>{formatVnDate(String(e.date))}</span>
              <span>{(e.villages as string[]).join(', ')}</span>
            </Link>
          </li>
        ))}
      </ul>
      <div class="card">
        <h2>{t.campaigns}</h2>
        <RoundLinks rounds={campaigns ?? []} />
        {may.round && (<div class="row">
          <SelectField name="campaign" label={t.campaigns} value={campaign} options={Object.entries(t.campaignNames) as [typeof campaign, string][]} onChange={setCampaign} error={issues.campaign && say(issues.campaign)} />
          <button type="button" onClick={() => void newCampaign()}>
            {t.newCampaign}
          </button>
        </div>)}
      </div>
      {may.emergency && (<form class="card" onSubmit={(e) => void create(e)} noValidate>
        <h2>{t.newEmergency}</h2>
        <SelectField name="type" label={t.emergencyType} value={type} placeholder="—" options={EMERGENCY_TYPES.map((x) => [x, t.emergencyTypes[x]] as const)} onChange={setType} error={issues.type && say(issues.type)} />
        <TextField name="date" label={t.emergencyDate} value={date} onInput={setDate} inputMode="numeric" error={issues.date && say(issues.date)} />
        <fieldset class="field">
          <legend>{t.affectedVillages}</legend>
          {villages?.map((name) => (
            <label class="check" key={name}>
              <input type="checkbox" checked={chosen.includes(name)} onChange={(e) => setChosen(e.currentTarget.checked ? [...chosen, name] : chosen.filter((x) => x !== name))} />
              {name}
            </label>
          ))}
          {issues.villages && <span class="error">{say(issues.villages)}</span>}
        </fieldset>
        <TextField name="description" label={t.notes} value={description} onInput={setDescription} />
        <button type="submit">{t.save}</button>
      </form>)}
    </section>
  );
}
