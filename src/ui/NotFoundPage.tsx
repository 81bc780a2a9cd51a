/** @module An address the app does not have: said in the user's language, with the way back to the households. */
import { Link } from '@tanstack/react-router';
import { useT } from './i18n';

export function NotFoundPage() {
  const t = useT();
  return (
    <section class="card" data-testid="not-found">
      <h1>{t.pageNotFound}</h1>
      <p>{t.pageNotFoundText}</p>
      <Link to="/households" class="button">
        {t.backToHouseholds}
      </Link>
    </section>
  );
}
