/** @module One household: its fields, whether it waits to be sent, what the server refused, and an edit form. */
import { useState } from 'preact/hooks';
import { Link } from '@tanstack/react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { getHousehold } from '../../db/households';
import { db, useSession } from '../services';
import { useT } from '../i18n';
import { HouseholdForm, toDraft } from './HouseholdForm';

export function HouseholdPage({ id }: { id: string }) {
  const t = useT();
  const session = useSession();
  const [editing, setEditing] = useState(false);
  const state = useLiveQuery(
    async () => ({
      household: await getHousehold(db, id).catch(() => undefined),
      pending: await db.outbox.where('recordId').equals(id).count(),
      rejections: await db.rejections.where('recordId').equals(id).toArray(),
    }),
    [id],
  );
  if (!state || !session) return null;
  const { household, pending, rejections } = state;
  if (!household) {
    return (
      <section class="card">
        <p>{t.notFound}</p>
        <Link to="/households">{t.back}</Link>
      </section>
    );
  }
  if (editing) {
    return (
      <section>
        <h1>{household.headName}</h1>
        <HouseholdForm id={id} initial={toDraft(household, household.communeCode)} communes={session.user.communes} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
      </section>
    );
  }
  const communeName = session.user.communes.find((c) => c.code === household.communeCode)?.name ?? household.communeCode;
  const rows: [string, string][] = [
    [t.commune, communeName],
    [t.village, household.village],
    [t.address, household.address],
    [t.phone, household.phone ?? '—'],
    [t.headCitizenId, household.headCitizenId ?? '—'],
    [t.area, t[household.area]],
    [t.notes, household.notes || '—'],
  ];
  return (
    <section class="card">
      <Link to="/households">← {t.back}</Link>
      <h1 data-testid="household-head">{household.headName}</h1>
      {pending > 0 && <p class="badge pending">{t.notSynced}</p>}
      {rejections.map((r) => (
        <p class="error" key={r.seq}>
          {t.rejectedBecause} {r.reason}
        </p>
      ))}
      <dl>
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={() => setEditing(true)}>
        {t.edit}
      </button>
    </section>
  );
}
