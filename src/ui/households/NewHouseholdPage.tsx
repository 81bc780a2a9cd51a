/**
 * @module Registering a household: in the commune the user is looking at on the list (the form is filled only once
 * that remembered choice is read), and only for a role the matrix lets create one (province staff oversee).
 */
import { Link, useNavigate } from '@tanstack/react-router';
import { useCan, useSession } from '../services';
import { useT } from '../i18n';
import { useChosenCommune } from '../use-commune';
import { HouseholdForm, toDraft } from './HouseholdForm';

export function NewHouseholdPage() {
  const t = useT();
  const navigate = useNavigate();
  const session = useSession();
  const mayRegister = useCan('household', 'create');
  const commune = useChosenCommune();
  if (!session) return null;
  if (!mayRegister)
    return (
      <section class="card">
        <h1>{t.newHousehold}</h1>
        <p data-testid="not-permitted">{t.registerNotPermitted}</p>
        <Link to="/households">← {t.backToHouseholds}</Link>
      </section>
    );
  if (!commune) return null;
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
