/** @module When the chairman's decision on a dossier is due and how many working days are left; overdue stands out. */
import { formatVnDate } from '../dates';
import type { Deadline } from './lists';
import { useDeskT } from './words';

export function DeadlineNote({ deadline }: { deadline: Deadline | undefined }) {
  const t = useDeskT();
  if (!deadline) return null;
  return (
    <span class={deadline.overdue ? 'deadline overdue' : 'deadline'} data-testid="allowance-deadline">
      {deadline.overdue && <strong class="badge overdue">{t.allowanceOverdue}</strong>} {t.allowanceDeadline}{' '}
      {formatVnDate(deadline.due)} ({t.allowanceDaysLeft(deadline.daysLeft)})
      {deadline.provisional ? ` · ${t.allowanceDeadlineProvisional}` : ''}
    </span>
  );
}
