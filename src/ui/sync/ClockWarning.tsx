/**
 * @module Tells the user their tablet's clock is off the server's (measured at the last sync answer) by more
 * than CLOCK_WARN_MS, and to set it right: the server re-stamps changes and refuses dates too far ahead.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { CLOCK_WARN_MS } from '../../shared/clock-bounds';
import { estimateServerNow } from '../../db/client-id';
import { clockOffset } from '../../db/queue';
import { db } from '../services';
import { useT } from '../i18n';

export function ClockWarning() {
  const t = useT();
  const measured = useLiveQuery(() => clockOffset(db), []);
  const now = Date.now();
  const off = estimateServerNow(now, measured) - now; // server − device: negative when the tablet runs fast
  if (Math.abs(off) <= CLOCK_WARN_MS) return null;
  const minutes = Math.round(Math.abs(off) / 60_000);
  const amount = { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 };
  return (
    <p class="banner" role="alert" data-testid="clock-warning">
      {t.clockOff(off < 0, amount)}
    </p>
  );
}
