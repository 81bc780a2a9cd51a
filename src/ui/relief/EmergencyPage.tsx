/**
 * @module One emergency: the damage of each household with what it entitles them to (rules engine, legal basis,
 * who decides), whether help came in time, and the relief rounds for it.
 */
import { useMemo, useState } from 'preact/hooks';
import { Link, useNavigate } from '@tanstack/react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { answerEmergency, type EmergencyAnswer } from '../../domain';
import { toEmergencyQuestion } from '../../domain/emergency/from-registry';
import { helpInTimeDays, helpedInTime } from '../../domain/emergency/in-time';
import { defaultRoundItems } from '../../domain/emergency/round-defaults';
import type { DamageFields, EmergencyFields } from '../../shared/records/emergency';
import { damages, emergencyWithRelief, reliefRounds, type LocalDamage, type LocalEmergency } from '../../db/relief';
import { communeHouseholds, findHouseholds } from '../../db/search';
import { db, useCan, useSession } from '../services';
import { useLanguage, useT, useSay } from '../i18n';
import { formatNumber, formatVnd } from '../format';
import { formatVnDate, todayIso } from '../dates';
import { CheckField, SelectField, TextField } from '../fields';
import { RoundLinks } from './RoundLinks';
import { COUNT_FIELDS, readBack, readCounts, type CountField } from './damage-form';
import { PrintSigners } from './PrintSigners';
import { legalBasisText } from '../survey/explanation';
import { useReliefTexts } from './texts';

export function entitlementsOf(
  event: Pick<EmergencyFields, 'type' | 'date'>,
  damage: DamageFields,
): EmergencyAnswer | undefined {
  try {
    return answerEmergency(toEmergencyQuestion(event, damage));
  } catch {
    return undefined;
  }
}

export function EmergencyPage({ id }: { id: string }) {
  const t = useT();
  const rt = useReliefTexts();
  const say = useSay();
  const may = {
    damage: useCan('damage', 'create'),
    editDamage: useCan('damage', 'edit'),
    round: useCan('relief_round', 'create'),
  };
  const session = useSession();
  const [editing, setEditing] = useState<string | undefined>();
  const lang = useLanguage();
  const navigate = useNavigate();
  const state = useLiveQuery(() => emergencyWithRelief(db, id), [id]);
  const [adding, setAdding] = useState(false);
  const [roundError, setRoundError] = useState<string | undefined>();
  if (!state) return null;
  if (!state.event) return <p class="card">{t.notFound}</p>;
  const { event, damages: recorded, rounds, handouts, unreadable } = state;
  const deadline = helpInTimeDays(event.date);
  const inTime =
    deadline &&
    helpedInTime(
      event.date,
      recorded.map((d) => ({ damageId: d.id, householdId: d.householdId, people: d.members })),
      handouts,
      deadline.days,
    );

  async function newRound() {
    const round = {
      communeCode: event.communeCode,
      emergencyId: id,
      name: `${rt.emergencyTypes[event.type]} ${formatVnDate(event.date)}`,
      date: todayIso(),
      items: defaultRoundItems('emergency', { rice: t.rice, cash: t.cash }),
      plannedHouseholdIds: recorded.flatMap((d) => (d.householdId ? [d.householdId] : [])),
    };
    // Dated today by this tablet's clock: the save refuses it, as the server would, when that clock runs ahead.
    const saved = await reliefRounds.save(db, round, { now: Date.now() });
    if (!saved.ok) return setRoundError(saved.message ?? Object.values(saved.issues)[0]?.[0]);
    await navigate({ to: '/rounds/$roundId', params: { roundId: saved.id } });
  }

  return (
    <section>
      <div class="card no-print">
        <Link to="/emergencies">← {t.back}</Link>
        <h1>
          {rt.emergencyTypes[event.type]} · {formatVnDate(event.date)}
        </h1>
        <p>{event.villages.join(', ')}</p>
        {inTime && deadline && (
          <>
            <p data-testid="in-time">
              {rt.helpedInTime(
                inTime.share === null ? '—' : `${formatNumber(Math.round(inTime.share * 1000) / 10)}%`,
                inTime.helpedInTimePeople,
                inTime.affectedPeople,
                deadline.days,
              )}
            </p>
            <p class="hint" data-testid="in-time-rule">
              {rt.inTimeCounting(deadline.days, legalBasisText(deadline.legalBasis, lang))}
            </p>
          </>
        )}
        {unreadable > 0 && <p class="error">{t.unreadableRecords(unreadable)}</p>}
      </div>
      <div class="card no-print">
        <div class="toolbar">
          <h2>{t.damages}</h2>
          {may.damage && (
            <button type="button" onClick={() => setAdding(true)}>
              {rt.recordDamage}
            </button>
          )}
        </div>
        {adding && <DamageForm event={event} onDone={() => setAdding(false)} />}
        <ul class="plain" data-testid="damage-list">
          {recorded.map((d) => {
            const answer = entitlementsOf(event, d);
            const days = inTime?.households.find((h) => h.damageId === d.id)?.days;
            return (
              <li key={d.id}>
                <strong>{d.headName}</strong> ({d.village}){d.householdId ? '' : ` · ${rt.followUp}`} —{' '}
                {answer ? `${formatNumber(answer.totals.riceKg)} kg · ${formatVnd(answer.totals.vnd)}` : '—'} ·{' '}
                <span class="hint">
                  {days === null || days === undefined ? rt.notHelpedYet : rt.firstAidAfter(days)}
                </span>{' '}
                {may.editDamage && (
                  <button type="button" class="secondary" onClick={() => setEditing(d.id)}>
                    {rt.editDamage}
                  </button>
                )}
                {editing === d.id && <DamageForm event={event} existing={d} onDone={() => setEditing(undefined)} />}
                <ul>
                  {answer?.entitlements
                    .filter((e) => e.payable)
                    .map((e) => {
                      return (
                        <li key={e.code} class="hint">
                          {e.title[lang]}: {quantityOf(e)} — {e.decidedBy?.who[lang] ?? ''}
                          {basisOf(answer, e, lang)}
                        </li>
                      );
                    })}
                </ul>
              </li>
            );
          })}
        </ul>
      </div>
      <FoodList
        event={event}
        damages={recorded}
        communeName={session?.user.communes.find((c) => c.code === event.communeCode)?.name ?? event.communeCode}
      />
      <div class="card no-print">
        <div class="toolbar">
          <h2>{rt.rounds}</h2>
          {may.round && (
            <button type="button" onClick={() => void newRound()}>
              {rt.newRound}
            </button>
          )}
        </div>
        {roundError && (
          <p class="error" role="alert">
            {say(roundError)}
          </p>
        )}
        <RoundLinks rounds={rounds} />
      </div>
    </section>
  );
}

/** " · Nghị định 20/2021/NĐ-CP, Điều 12 khoản 1 điểm b": the entitlement's legal basis, never its rule's id. */
function basisOf(answer: EmergencyAnswer, e: EmergencyAnswer['entitlements'][number], lang: 'vi' | 'en'): string {
  const basis = answer.explanation.rules.find((r) => r.id === e.ruleId)?.legalBasis;
  return basis ? ` · ${legalBasisText(basis, lang)}` : '';
}

/** An entitlement's quantity as the app writes it: "225 kg", "5.400.000 đ"; nothing for in-kind support. */
function quantityOf(e: EmergencyAnswer['entitlements'][number]): string {
  if (e.quantity === null) return '';
  return e.unit === 'kg-rice' ? `${formatNumber(e.quantity)} kg` : e.unit === 'VND' ? formatVnd(e.quantity) : '';
}

/**
 * A household's damage, recorded or corrected: a new entry starts from a registered household or a name noted for
 * follow-up; an existing one (`existing`) is edited — and one noted for follow-up can be linked to the household
 * registered since, so its handouts follow it.
 */
function DamageForm({
  event,
  existing,
  onDone,
}: {
  event: LocalEmergency;
  existing?: LocalDamage;
  onDone: () => void;
}) {
  const t = useT();
  const rt = useReliefTexts();
  const say = useSay();
  const lang = useLanguage();
  const rows = useLiveQuery(() => communeHouseholds(db, event.communeCode), [event.communeCode]);
  const [query, setQuery] = useState('');
  const [household, setHousehold] = useState<{ id?: string; headName: string; village: string } | undefined>(
    existing && {
      ...(existing.householdId ? { id: existing.householdId } : {}),
      headName: existing.headName,
      village: existing.village,
    },
  );
  // Linking an entry noted for follow-up to a registered household: search again from the entry.
  const [linking, setLinking] = useState(false);
  const [f, setF] = useState(
    existing
      ? {
          members: String(existing.members),
          status: existing.status,
          hungryMembers: String(existing.hungryMembers),
          deaths: String(existing.deaths),
          missing: String(existing.missing),
          injured: existing.injuredDays.join(', '),
          houseLost: existing.houseLost,
          hasOtherHome: existing.hasOtherHome,
          relocationOrdered: existing.relocationOrdered,
          severeDamage: existing.severeDamage,
          children: String(existing.childrenWithoutParents),
        }
      : {
          members: '4',
          status: 'other',
          hungryMembers: '0',
          deaths: '0',
          missing: '0',
          injured: '',
          houseLost: false,
          hasOtherHome: false,
          relocationOrdered: false,
          severeDamage: false,
          children: '0',
        },
  );
  const found = useMemo(
    () => (rows && query.trim() ? findHouseholds(rows, query, { limit: 8 }).households : []),
    [rows, query],
  );
  // Counts through the app's one parser: an emptied field or "1,5" people is said at the field, never read as 0.
  const counts = useMemo(() => readCounts(f), [f]);
  const damage = useMemo(() => {
    if (!household || !counts.ok) return undefined;
    const candidate = {
      communeCode: event.communeCode,
      emergencyId: event.id,
      ...(household.id ? { householdId: household.id } : {}),
      headName: household.headName,
      village: household.village,
      followUp: !household.id,
      ...counts.counts,
      status: f.status,
      deadMonthlyBeneficiaries: Math.min(existing?.deadMonthlyBeneficiaries ?? 0, counts.counts.deaths),
      houseLost: f.houseLost,
      hasOtherHome: f.hasOtherHome,
      relocationOrdered: f.relocationOrdered,
      severeDamage: f.severeDamage,
      assessedOn: existing?.assessedOn ?? todayIso(),
    };
    return damages.check(candidate);
  }, [household, f, counts, existing]);
  const checkIssues = damage && !damage.ok ? damage.issues : {};
  // A count's problem at its field: it cannot be read, or the entry's check refuses it (members from 1, at most 100).
  const countIssue = (field: CountField | 'injured'): string | undefined => {
    const message = counts.ok
      ? field === 'injured'
        ? Object.entries(checkIssues).find(([key]) => key.startsWith('injuredDays'))?.[1]?.[0]
        : checkIssues[COUNT_FIELDS[field]]?.[0]
      : counts.issues[field];
    return message === undefined ? undefined : say(message);
  };
  const shownAtFields = new Set<string>(Object.values(COUNT_FIELDS));
  const otherIssue = Object.entries(checkIssues).find(
    ([key]) => !shownAtFields.has(key) && !key.startsWith('injuredDays'),
  )?.[1]?.[0];
  const countField = (field: CountField, label: string) => {
    const error = countIssue(field);
    const read = error ? undefined : readBack(f[field]);
    return (
      <TextField
        name={field}
        label={label}
        value={f[field]}
        onInput={set(field)}
        inputMode="numeric"
        hint={read && t.readAs(read)}
        error={error}
      />
    );
  };
  const answer = damage?.ok ? entitlementsOf(event, damage.fields) : undefined;
  const set = (key: keyof typeof f) => (value: string | boolean) => setF({ ...f, [key]: value });
  const [clockIssue, setClockIssue] = useState<string | undefined>();

  async function save(e: Event) {
    e.preventDefault();
    if (!damage?.ok) return;
    // Assessed "today" by a tablet clock running far ahead: the save refuses the date, as the server would.
    const saved = await damages.save(db, damage.fields, { now: Date.now(), ...(existing ? { id: existing.id } : {}) });
    if (!saved.ok) return setClockIssue(saved.message ?? Object.values(saved.issues)[0]?.[0]);
    onDone();
  }

  return (
    <form class="card" onSubmit={(e) => void save(e)} noValidate data-testid="damage-form">
      {clockIssue && (
        <p class="error" role="alert">
          {say(clockIssue)}
        </p>
      )}
      {!household || linking ? (
        <>
          <TextField name="find" label={t.search} value={query} onInput={setQuery} />
          <ul class="plain">
            {found.map((h) => (
              <li key={h.id}>
                <button
                  type="button"
                  class="secondary"
                  onClick={() => {
                    setHousehold({ id: h.id, headName: h.headName, village: h.village });
                    setLinking(false);
                  }}
                >
                  {h.headName} · {h.village}
                </button>
              </li>
            ))}
          </ul>
          {linking && (
            <button type="button" class="secondary" onClick={() => setLinking(false)}>
              {t.cancel}
            </button>
          )}
          {query.trim() && !linking && (
            <button
              type="button"
              class="secondary"
              onClick={() => setHousehold({ headName: query.trim(), village: '' })}
            >
              {rt.notRegistered(query.trim())}
            </button>
          )}
        </>
      ) : (
        <>
          <p>
            <strong>{household.headName}</strong> {household.id ? '' : `· ${rt.followUp}`}{' '}
            {existing && !household.id && (
              <button
                type="button"
                class="secondary"
                onClick={() => {
                  setQuery(household.headName);
                  setLinking(true);
                }}
              >
                {rt.linkHousehold}
              </button>
            )}
          </p>
          {!household.id && (
            <TextField
              name="village"
              label={t.village}
              value={household.village}
              onInput={(village) => setHousehold({ ...household, village })}
            />
          )}
          <div class="grid-2">
            {countField('members', rt.membersCount)}
            <SelectField
              name="status"
              label={rt.householdStatus}
              value={f.status}
              options={Object.entries(rt.householdStatuses)}
              onChange={set('status')}
            />
            {countField('hungryMembers', t.hungryMembers)}
            {countField('deaths', t.deaths)}
            {countField('missing', t.missing)}
            <TextField
              name="injured"
              label={rt.injuredDays}
              value={f.injured}
              onInput={set('injured')}
              error={countIssue('injured')}
            />
            {countField('children', rt.childrenWithoutParents)}
          </div>
          <CheckField name="houseLost" label={rt.houseLost} checked={f.houseLost} onChange={set('houseLost')} />
          <CheckField
            name="hasOtherHome"
            label={rt.hasOtherHome}
            checked={f.hasOtherHome}
            onChange={set('hasOtherHome')}
          />
          <CheckField
            name="relocationOrdered"
            label={rt.relocationOrdered}
            checked={f.relocationOrdered}
            onChange={set('relocationOrdered')}
          />
          <CheckField
            name="severeDamage"
            label={rt.severeDamage}
            checked={f.severeDamage}
            onChange={set('severeDamage')}
          />
          {otherIssue && <p class="error">{say(otherIssue)}</p>}
          {answer && (
            <div class="result" data-testid="entitlements">
              <h3>{t.entitlements}</h3>
              <ul class="plain">
                {answer.entitlements
                  .filter((e) => e.payable)
                  .map((e) => (
                    <li key={e.code}>
                      {e.title[lang]}: <strong>{quantityOf(e)}</strong> — {e.decidedBy?.who[lang] ?? ''}
                      {basisOf(answer, e, lang)}
                      {e.minimum ? ` (${rt.atLeast})` : ''}
                    </li>
                  ))}
              </ul>
              {answer.provisional && <p class="hint">{rt.notConfirmed}</p>}
            </div>
          )}
          <div class="actions">
            <button type="submit" disabled={!damage?.ok}>
              {t.save}
            </button>
            <button type="button" class="secondary" onClick={onDone}>
              {t.cancel}
            </button>
          </div>
        </>
      )}
    </form>
  );
}

/**
 * The village list of households lacking food (Mẫu 5a of Decree 20/2021), straight from the recorded damage: the
 * village meeting reads it, the commune chairman decides on it. Printed one A4 page per village, with the
 * commune's name and the signatures of who prepared it and the village head.
 */
function FoodList({
  event,
  damages: recorded,
  communeName,
}: {
  event: Pick<EmergencyFields, 'type' | 'date'>;
  damages: readonly LocalDamage[];
  communeName: string;
}) {
  const t = useT();
  const rt = useReliefTexts();
  const rows = recorded
    .filter((d) => d.hungryMembers > 0)
    .map((d) => ({ d, answer: entitlementsOf(event, d) }))
    .sort((a, b) => a.d.village.localeCompare(b.d.village));
  if (rows.length === 0) return null;
  const byVillage = new Map<string, typeof rows>();
  for (const row of rows) byVillage.set(row.d.village, [...(byVillage.get(row.d.village) ?? []), row]);
  return (
    <div class="card print-list food-list" data-testid="food-list">
      <div class="toolbar no-print">
        <h2>{rt.foodList}</h2>
        <button type="button" onClick={() => window.print()}>
          {rt.printFoodList}
        </button>
      </div>
      {[...byVillage].map(([village, villageRows]) => (
        <article class="a4" key={village} data-testid="food-list-page">
          <header>
            {/* The national heading of an official form: a legal name, the same in every language. */}
            <p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc</p>
            <p>{rt.printCommune(communeName)}</p>
            <h1>{rt.foodList}</h1>
            <p>
              {village} · {rt.emergencyTypes[event.type]} {formatVnDate(event.date)}
            </p>
          </header>
          <table>
            <thead>
              <tr>
                <th>STT</th>
                <th>{t.headName}</th>
                <th>{rt.membersCount}</th>
                <th>{t.hungryMembers}</th>
                <th>{rt.riceKg}</th>
              </tr>
            </thead>
            <tbody>
              {villageRows.map(({ d, answer }, index) => (
                <tr key={d.id}>
                  <td>{index + 1}</td>
                  <td>{d.headName}</td>
                  <td>{d.members}</td>
                  <td>{d.hungryMembers}</td>
                  <td>{answer ? formatNumber(answer.totals.riceKg) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <PrintSigners />
        </article>
      ))}
    </div>
  );
}
