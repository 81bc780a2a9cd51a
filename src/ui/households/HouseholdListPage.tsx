/** @module The households of the chosen commune on this device, with what waits to be sent or was refused. */
import { Link } from '@tanstack/react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { listHouseholds } from '../../db/households';
import { db, useSession } from '../services';
import { useT } from '../i18n';
import { useCommune } from '../use-commune';

export function HouseholdListPage() {
  const t = useT();
  const session = useSession();
  const [commune, setCommune] = useCommune();
  const listed = useLiveQuery(async () => (commune ? listHouseholds(db, commune) : undefined), [commune]);
  const households = listed?.households;
  const pendingIds = useLiveQuery(async () => new Set((await db.outbox.toArray()).map((entry) => entry.recordId)), []);
  const rejections = useLiveQuery(() => db.rejections.toArray(), []);
  if (!session) return null;

  return (
    <section>
      <div class="toolbar">
        <h1>{t.households}</h1>
        {session.user.communes.length > 1 && (
          <label>
            {t.commune}
            <select value={commune} onChange={(e) => setCommune(e.currentTarget.value)}>
              {session.user.communes.map((c) => (
                <option value={c.code} key={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {session.user.communes.length === 1 && <span>{session.user.communes[0]?.name}</span>}
        <Link to="/households/new" class="button">
          {t.newHousehold}
        </Link>
      </div>
      {rejections && rejections.length > 0 && (
        <div class="card attention">
          <h2>{t.needsAttention}</h2>
          <ul>
            {rejections.map((r) => (
              <li key={r.seq}>
                <Link to="/households/$householdId" params={{ householdId: r.recordId }}>
                  {(r.op.kind === 'patch' && typeof r.op.fields.headName?.[0] === 'string' && r.op.fields.headName[0]) || r.recordId}
                </Link>
                : {r.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      {listed && listed.unreadable > 0 && <p class="error">{t.unreadableRecords(listed.unreadable)}</p>}
      {households && households.length === 0 && <p>{t.noHouseholds}</p>}
      <ul class="list" data-testid="household-list">
        {households?.map((h) => (
          <li key={h.id}>
            <Link to="/households/$householdId" params={{ householdId: h.id }}>
              <strong>{h.headName}</strong>
              <span>{h.village}</span>
              {pendingIds?.has(h.id) && <span class="badge pending">{t.notSynced}</span>}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
