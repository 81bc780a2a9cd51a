/**
 * @module The commune officer's list of villages (issue 11): the reference data the household form picks from.
 * Villages added in the field ("Khác (ghi rõ)") come first, waiting to be put on the list, renamed or removed.
 */
import { useState } from 'preact/hooks';
import { useLiveQuery } from 'dexie-react-hooks';
import { removeVillage, saveVillage, villagesOf, type LocalVillage } from '../../db/villages';
import { isQuotaError, QUOTA_MESSAGE } from '../../db/errors';
import { db, useCan, useSession } from '../services';
import { useSay, useT } from '../i18n';
import { useWorkplace } from '../use-commune';
import { SelectField, TextField } from '../fields';

export function VillagesPage() {
  const t = useT();
  const say = useSay();
  const session = useSession();
  const mayEdit = useCan('village', 'edit');
  const { commune, setCommune } = useWorkplace();
  const villages = useLiveQuery(() => (commune ? villagesOf(db, commune) : Promise.resolve([])), [commune]);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  if (!session || !commune || !villages) return null;
  if (!mayEdit) return <p class="card">{t.notFound}</p>;

  async function save(fields: { name: string; status: LocalVillage['status'] }, id?: string) {
    setProblem(undefined);
    try {
      const saved = await saveVillage(
        db,
        { communeCode: commune, ...fields },
        { ...(id ? { id } : {}), now: Date.now() },
      );
      if (!saved.ok) {
        setProblem(say(saved.message ?? Object.values(saved.issues)[0]?.[0] ?? ''));
        return false;
      }
      return true;
    } catch (e) {
      setProblem(
        isQuotaError(e) ? say(QUOTA_MESSAGE) : `${t.saveFailed} ${e instanceof Error ? e.message : String(e)}`,
      );
      return false;
    }
  }
  const forReview = villages.filter((v) => v.status === 'other');
  const listed = villages.filter((v) => v.status === 'active');

  return (
    <section>
      <h1>{t.villages}</h1>
      {session.user.communes.length > 1 && (
        <div class="card">
          <SelectField
            name="commune"
            label={t.commune}
            value={commune}
            options={session.user.communes.map((c) => [c.code, c.name] as const)}
            onChange={setCommune}
          />
        </div>
      )}
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      {villages.length === 0 && <p class="card">{t.noVillages}</p>}
      {forReview.length > 0 && (
        <div class="card">
          <h2>{t.villageStatuses.other}</h2>
          <ul class="plain" data-testid="villages-for-review">
            {forReview.map((village) => (
              <VillageRow key={village.id} village={village} onSave={save} />
            ))}
          </ul>
        </div>
      )}
      {listed.length > 0 && (
        <div class="card">
          <h2>{t.villageStatuses.active}</h2>
          <ul class="plain" data-testid="villages-listed">
            {listed.map((village) => (
              <VillageRow key={village.id} village={village} onSave={save} />
            ))}
          </ul>
        </div>
      )}
      <form
        class="card"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save({ name, status: 'active' }).then((ok) => ok && setName(''));
        }}
      >
        <TextField name="newVillage" label={t.villageName} value={name} onInput={setName} />
        <button type="submit">{t.addVillage}</button>
      </form>
    </section>
  );
}

function VillageRow(props: {
  village: LocalVillage;
  onSave: (fields: { name: string; status: LocalVillage['status'] }, id: string) => Promise<boolean>;
}) {
  const t = useT();
  const [name, setName] = useState(props.village.name);
  const { village } = props;
  return (
    <li data-testid="village-row">
      <TextField name={`village-${village.id}`} label={t.villageName} value={name} onInput={setName} />
      <div class="actions">
        {name !== village.name && (
          <button type="button" onClick={() => void props.onSave({ name, status: village.status }, village.id)}>
            {t.save}
          </button>
        )}
        {village.status === 'other' && (
          <button type="button" onClick={() => void props.onSave({ name, status: 'active' }, village.id)}>
            {t.confirmVillage}
          </button>
        )}
        <button
          type="button"
          class="secondary"
          onClick={() => {
            if (confirm(t.removeVillageConfirm(village.name))) void removeVillage(db, village.id, Date.now());
          }}
        >
          {t.removeVillage}
        </button>
      </div>
    </li>
  );
}
