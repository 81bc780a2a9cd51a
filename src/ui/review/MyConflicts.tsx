/**
 * @module What the collaborator learns of their own values in a conflict: on the Sync page (their commune) and on
 * the household or member page (that record), each value of theirs waiting for the commune officer, and — once the
 * decision is pulled — which value was kept.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { myConflicts, type MyConflict } from '../../db/conflicts';
import { db } from '../services';
import { useT } from '../i18n';
import { useWorkplace } from '../use-commune';
import { fieldLabel, fieldValue } from './field-text';

function Note({ item }: { item: MyConflict }) {
  const t = useT();
  const { conflict } = item;
  const label = fieldLabel(t, conflict.field);
  const whose = item.person
    ? item.household
      ? t.personInHousehold(item.person.fullName, item.household.headName)
      : item.person.fullName
    : item.household
      ? t.householdOf(item.household.headName)
      : t.notOnDevice;
  return (
    <li data-testid={item.decided ? 'my-conflict-decided' : 'my-conflict'} data-field={conflict.field}>
      {item.decided
        ? t.myConflictDecided(label, whose, fieldValue(t, conflict.field, item.kept))
        : t.myConflictWaiting(label, whose)}
      <span class="hint"> · {t.yourValue(fieldValue(t, conflict.field, item.mine))}</span>
    </li>
  );
}

/** The device's values in conflicts of the commune it works in (Sync page), or of one record. */
export function MyConflicts(props: { recordId?: string }) {
  const t = useT();
  const { commune } = useWorkplace();
  const list = useLiveQuery(
    async () =>
      props.recordId ? myConflicts(db, { recordId: props.recordId }) : commune ? myConflicts(db, { commune }) : [],
    [props.recordId, commune],
  );
  if (!list || list.length === 0) return null;
  return (
    <div class="card" data-testid="my-conflicts">
      <h2>{t.myConflictsTitle}</h2>
      <ul class="plain">
        {list.map((item) => (
          <Note key={item.conflict.id} item={item} />
        ))}
      </ul>
    </div>
  );
}

/** The fields of one record whose value from this device waits in an open conflict: for a badge beside each. */
export function useWaitingFields(recordId: string): ReadonlySet<string> {
  const list = useLiveQuery(() => myConflicts(db, { recordId }), [recordId]);
  return new Set((list ?? []).filter((c) => !c.decided).map((c) => c.conflict.field));
}
