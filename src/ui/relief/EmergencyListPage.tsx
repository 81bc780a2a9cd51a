/** @module Emergencies of the commune, newest first, and a new one recorded on the spot (offline). */
import { useState } from 'preact/hooks';
import { Link, useNavigate } from '@tanstack/react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { EMERGENCY_TYPES } from '../../shared/records/emergency';
import { defaultRoundItems } from '../../domain/emergency/round-defaults';
import { campaignsOf, emergencies, emergenciesOf, reliefRounds } from '../../db/relief';
import { villagesOf } from '../../db/search';
import { RoundLinks } from './RoundLinks';
import { db, useCan } from '../services';
import { useT, useSay } from '../i18n';
import { formatVnDate, parseVnDate, todayIso } from '../dates';
import { SelectField, TextField } from '../fields';
import { useWorkplace } from '../use-commune';
import { useReliefTexts } from './texts';

export function EmergencyListPage() {
  const t = useT();
  const rt = useReliefTexts();
  const say = useSay();
  const may = { round: useCan('relief_round', 'create'), emergency: useCan('emergency', 'create') };
  const navigate = useNavigate();
  const { commune } = useWorkplace();
  const events = useLiveQuery(async () => (commune ? emergenciesOf(db, commune) : undefined), [commune]);
  const campaigns = useLiveQuery(async () => (commune ? campaignsOf(db, commune) : undefined), [commune]);
  const unreadable = (events?.unreadable ?? 0) + (campaigns?.unreadable ?? 0);
  const [campaign, setCampaign] = useState<'18-4' | '6-6' | '1-10' | '3-12' | 'tet'>('tet');

  async function newCampaign() {
    const round = {
      communeCode: commune,
      campaign,
      name: `${rt.campaignNames[campaign]} ${todayIso().slice(0, 4)}`,
      date: todayIso(),
      items: defaultRoundItems('campaign', { rice: t.rice, cash: t.cash }),
      plannedHouseholdIds: [],
    };
    // Dated today by this tablet's clock: the save refuses it, as the server would, when that clock runs ahead.
    const saved = await reliefRounds.save(db, round, { now: Date.now() });
    if (!saved.ok) return setIssues({ campaign: saved.message ?? Object.values(saved.issues)[0]?.[0] ?? '' });
    await navigate({ to: '/rounds/$roundId', params: { roundId: saved.id } });
  }
  const villages = useLiveQuery(async () => (commune ? villagesOf(db, commune) : []), [commune]);
  const [type, setType] = useState<(typeof EMERGENCY_TYPES)[number] | ''>('');
  const [date, setDate] = useState(formatVnDate(todayIso()));
  const [chosen, setChosen] = useState<string[]>([]);
  const [description, setDescription] = useState('');
  const [issues, setIssues] = useState<Record<string, string>>({});

  async function create(event: Event) {
    event.preventDefault();
    const saved = await emergencies.save(
      db,
      { communeCode: commune, type: type || undefined, date: parseVnDate(date) ?? date, villages: chosen, description },
      { now: Date.now() },
    );
    if (!saved.ok)
      return setIssues(
        saved.message
          ? { date: saved.message }
          : Object.fromEntries(Object.entries(saved.issues).map(([k, m]) => [k, m?.[0] ?? ''])),
      );
    await navigate({ to: '/emergencies/$emergencyId', params: { emergencyId: saved.id } });
  }

  return (
    <section>
      <h1>{t.emergencies}</h1>
      <ul class="list" data-testid="emergency-list">
        {events?.records.map((e) => (
          <li key={e.id}>
            <Link to="/emergencies/$emergencyId" params={{ emergencyId: e.id }}>
              <strong>{rt.emergencyTypes[e.type]}</strong>
              <span>{formatVnDate(e.date)}</span>
              <span>{e.villages.join(', ')}</span>
            </Link>
          </li>
        ))}
      </ul>
      {unreadable > 0 && <p class="error">{t.unreadableRecords(unreadable)}</p>}
      <div class="card">
        <h2>{rt.campaigns}</h2>
        <RoundLinks rounds={campaigns?.records ?? []} />
        {may.round && (
          <div class="row">
            <SelectField
              name="campaign"
              label={rt.campaigns}
              value={campaign}
              options={Object.entries(rt.campaignNames) as [typeof campaign, string][]}
              onChange={setCampaign}
              error={issues.campaign && say(issues.campaign)}
            />
            <button type="button" onClick={() => void newCampaign()}>
              {rt.newCampaign}
            </button>
          </div>
        )}
      </div>
      {may.emergency && (
        <form class="card" onSubmit={(e) => void create(e)} noValidate>
          <h2>{rt.newEmergency}</h2>
          <SelectField
            name="type"
            label={rt.emergencyType}
            value={type}
            placeholder="—"
            options={EMERGENCY_TYPES.map((x) => [x, rt.emergencyTypes[x]] as const)}
            onChange={setType}
            error={issues.type && say(issues.type)}
          />
          <TextField
            name="date"
            label={t.emergencyDate}
            value={date}
            onInput={setDate}
            inputMode="numeric"
            error={issues.date && say(issues.date)}
          />
          <fieldset class="field">
            <legend>{rt.affectedVillages}</legend>
            {villages?.map((name) => (
              <label class="check" key={name}>
                <input
                  type="checkbox"
                  checked={chosen.includes(name)}
                  onChange={(e) =>
                    setChosen(e.currentTarget.checked ? [...chosen, name] : chosen.filter((x) => x !== name))
                  }
                />
                {name}
              </label>
            ))}
            {issues.villages && <span class="error">{say(issues.villages)}</span>}
          </fieldset>
          <TextField name="description" label={t.notes} value={description} onInput={setDescription} />
          <button type="submit">{t.save}</button>
        </form>
      )}
    </section>
  );
}
