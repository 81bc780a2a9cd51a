/** @module The main places: households, emergencies, the officer's desk and list of villages (officers only), sync. */
import { Link } from '@tanstack/react-router';
import { useCan, useSession } from './services';
import { useT } from './i18n';

export function NavBar() {
  const t = useT();
  const session = useSession();
  const officer = useCan('conflict', 'resolve');
  const keepsVillages = useCan('village', 'edit');
  if (!session) return null;
  return (
    <nav class="nav" aria-label="An Sinh">
      <Link to="/households" activeProps={{ class: 'active' }}>
        {t.households}
      </Link>
      <Link to="/emergencies" activeProps={{ class: 'active' }}>
        {/* On a phone the short name, so an officer's five places stay on one line. */}
        <span class="nav-long">{t.emergencies}</span>
        <span class="nav-short">{t.emergenciesShort}</span>
      </Link>
      {officer && (
        <Link to="/review" activeProps={{ class: 'active' }}>
          {t.review}
        </Link>
      )}
      {keepsVillages && (
        <Link to="/villages" activeProps={{ class: 'active' }}>
          {t.villagesNav}
        </Link>
      )}
      <Link to="/sync" activeProps={{ class: 'active' }}>
        {t.syncPage}
      </Link>
    </nav>
  );
}
