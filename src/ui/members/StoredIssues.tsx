/**
 * @module What a stored record holds that today's rules would refuse if typed — a birth before 1900, recorded before
 * that rule (src/shared/entry-rules.ts): the record is shown and editable as it is, and the user is asked to correct it.
 */
import type { EntryIssue } from '../../shared/entry-rules';
import { useSay, useT } from '../i18n';

export function StoredIssues({ issues }: { issues: readonly EntryIssue[] }) {
  const t = useT();
  const say = useSay();
  if (issues.length === 0) return null;
  return (
    <ul class="plain" data-testid="stored-issues">
      {issues.map((issue) => (
        <li key={issue.path.join('.')} class="error">
          {t.storedToCorrect(say.words.labels[issue.label], say(issue.message))}
        </li>
      ))}
    </ul>
  );
}

/** The badge of a list row: "Cần sửa: Ngày sinh"; nothing when there is nothing to correct. */
export function ToCorrectBadge({ issues }: { issues: readonly EntryIssue[] }) {
  const t = useT();
  const say = useSay();
  if (issues.length === 0) return null;
  return (
    <span class="badge pending" data-testid="to-correct">
      {t.toCorrect(issues.map((issue) => say.words.labels[issue.label]).join(', '))}
    </span>
  );
}
