/**
 * @module A household's classification from its latest approved survey, as a coloured badge: the approved class
 * plainly (the officer decided it); that some indicator thresholds are not yet confirmed is said beside it on the
 * household's page (`ProvisionalNote`), and in the badge's tooltip.
 */
import type { SurveyResult } from '../../shared/records/survey';
import { useT } from '../i18n';

export function ClassificationBadge({ result }: { result: SurveyResult | undefined }) {
  const t = useT();
  if (!result) return null;
  return (
    <span
      class={`badge class-${result.classification}`}
      data-testid="classification-badge"
      title={result.provisional ? t.approvedProvisionalNote : undefined}
    >
      {t.classifications[result.classification]}
    </span>
  );
}

export function ProvisionalNote({ result }: { result: SurveyResult | undefined }) {
  const t = useT();
  if (!result?.provisional) return null;
  return (
    <p class="hint" data-testid="provisional-note">
      {t.approvedProvisionalNote}
    </p>
  );
}
