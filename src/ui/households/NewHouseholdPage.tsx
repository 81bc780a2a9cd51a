import { useNavigate } from '@tanstack/react-router';
import { useSession } from '../services';
import { useT } from '../i18n';
import { useCommune } from '../use-commune';
import { HouseholdForm, toDraft } from './HouseholdForm';

export function NewHouseholdPage() {
  const t = useT();
  const navigate = useNavigate();
  const session = useSession();
  const [commune] = useCommune();
  if (!session || !commune) return null;
  return (
    <section>
      <h1>{t.newHousehold}</h1>
      <HouseholdForm
        initial={toDraft({}, commune)}
        communes={session.user.communes}
        onSaved={(id) => void navigate({ to: '/households/$householdId', params: { householdId: id } })}
        onCancel={() => void navigate({ to: '/households' })}
      />
    </section>
  );
}
