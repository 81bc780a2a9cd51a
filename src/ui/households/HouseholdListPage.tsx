/**
 * @module Find or register a household in the commune and village the user works in: search by head's name, any
 * member's name, CCCD or phone (diacritics and case ignored), each with its latest approved classification.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { Link } from '@tanstack/react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { findHouseholds, villagesOf } from '../../db/search';
import { useCommuneRows } from './use-commune-rows';
import { currentVillageName } from '../../db/villages';
import { lastSyncAt, pendingRecordIds, rejectionsOf } from '../../db/queue';
import { approvedClassifications } from '../../db/cases';
import { db, useCan, useSession, useSyncStatus } from '../services';
import { useT, useSay, problemOf } from '../i18n';
import { useWorkplace } from '../use-commune';
import { ClassificationBadge } from './ClassificationBadge';

/** Rows drawn at once: a cheap tablet scrolls a few hundred smoothly; the search narrows the rest. */
const SHOWN = 300;
/** Rows drawn while the whole commune is still being read: more than the tallest tablet's screen holds. */
const FIRST_SCREEN = 40;

export function HouseholdListPage() {
  const t = useT();
  const say = useSay();
  const mayRegister = useCan('household', 'create');
  const session = useSession();
  const { commune, setCommune, village, setVillage } = useWorkplace();
  const [query, setQuery] = useState('');
  const loaded = useCommuneRows(commune, FIRST_SCREEN);
  const rows = loaded?.complete ? loaded.rows : undefined;
  // Until the whole commune is read, its first screenful, only where that is the answer: nothing typed or chosen.
  const unfiltered = query.trim() === '' && !village;
  const shownRows = rows ?? (unfiltered ? loaded?.rows : undefined);
  const found = useMemo(
    () => shownRows && findHouseholds(shownRows, query, { village, limit: SHOWN }),
    [shownRows, query, village],
  );
  const villages = useLiveQuery(async () => (commune ? villagesOf(db, commune) : []), [commune]);
  // A village chosen under a name the officer has since renamed on the list follows the rename.
  const renamed = useLiveQuery(
    async () => (commune && village ? currentVillageName(db, commune, village) : undefined),
    [commune, village],
  );
  useEffect(() => {
    if (renamed && village && renamed !== village) setVillage(renamed);
  }, [renamed, village]);
  const classes = useLiveQuery(async () => (commune ? approvedClassifications(db, commune) : new Map()), [commune]);
  const pendingIds = useLiveQuery(() => pendingRecordIds(db), []);
  const rejections = useLiveQuery(() => rejectionsOf(db), []);
  // Until a sync has run to its end the commune is still coming down (or never came): say so, not "no households".
  const lastSync = useLiveQuery(() => lastSyncAt(db), [], null);
  const sync = useSyncStatus();
  if (!session) return null;
  const households = found?.households ?? [];

  return (
    <section>
      <div class="toolbar">
        <h1>{t.households}</h1>
        {mayRegister && (
          <Link to="/households/new" class="button">
            {t.newHousehold}
          </Link>
        )}
      </div>
      <div class="card workplace">
        <label>
          {t.commune}
          <select
            value={commune}
            onChange={(e) => setCommune(e.currentTarget.value)}
            disabled={session.user.communes.length < 2}
          >
            {session.user.communes.map((c) => (
              <option value={c.code} key={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.village}
          <select value={village ?? ''} onChange={(e) => setVillage(e.currentTarget.value || undefined)}>
            <option value="">{t.allVillages}</option>
            {villages?.map((name) => (
              <option value={name} key={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label class="grow">
          {t.search}
          <input
            type="search"
            name="search"
            placeholder={t.searchPlaceholder}
            value={query}
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
        </label>
      </div>
      {rejections && rejections.length > 0 && (
        <div class="card attention">
          <h2>{t.needsAttention}</h2>
          <ul>
            {rejections.map((r) => (
              <li key={r.seq}>
                <Link to="/sync">{say(problemOf(r))}</Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      {found && found.unreadable > 0 && <p class="error">{t.unreadableRecords(found.unreadable)}</p>}
      {/* A first screenful has no count of the whole commune yet: nothing rather than a wrong number. */}
      {rows && (
        <p class="hint" data-testid="result-count">
          {t.resultCount(found?.total ?? 0)}
        </p>
      )}
      {lastSync === undefined &&
        (sync.running ? (
          <p class="card notice" role="status" data-testid="first-download">
            {t.firstDownload(rows?.rows.length ?? 0)}
          </p>
        ) : (
          <p class="card notice" data-testid="first-download">
            {t.firstDownloadWaiting}
          </p>
        ))}
      {rows && found && households.length === 0 && (query.trim() || typeof lastSync === 'number') && (
        <p data-testid="empty-list">{query.trim() ? t.noMatches : t.noHouseholds}</p>
      )}
      <ul class="list" data-testid="household-list">
        {households.slice(0, SHOWN).map((h) => (
          <li key={h.id}>
            <Link to="/households/$householdId" params={{ householdId: h.id }}>
              <strong>{h.headName}</strong>
              <span>{h.village}</span>
              {found?.matchedMember.has(h.id) && (
                <span class="matched" data-testid="matched-member">
                  {t.matchedMember(found.matchedMember.get(h.id) ?? '')}
                </span>
              )}
              <ClassificationBadge result={classes?.get(h.id)} />
              {pendingIds?.has(h.id) && <span class="badge pending">{t.notSynced}</span>}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
