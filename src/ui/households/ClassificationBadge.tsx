/** @module A household's classification from its latest approved survey, as a coloured badge. */
import type { SurveyResult } from '../../shared/records/survey';
import { useT } from '../i18n';

export function ClassificationBadge({ result }: { result: SurveyResult | undefined }) {
  const t = useT();
  if (!result) return null;
  return (
    <span class={`badge class-${result.classification}`} data-testid="classification-badge">
      {t.classifications[result.classification]}
      {result.provisional ? ` (${t.notConfirmed})` : ''}
    </span>
  );
}
