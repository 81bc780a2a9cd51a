import { Link } from '@tanstack/react-router';
import type { LocalRecord } from '../../db/database';

/** Links to relief rounds, by name. */
export function RoundLinks({ rounds }: { rounds: readonly LocalRecord[] }) {
  return (
    <ul class="plain">
      {rounds.map((r) => (
        <li key={r.id}>
          <Link to="/rounds/$roundId" params={{ roundId: r.id }}>
            {String(r.name)}
          </Link>
        </li>
      ))}
    </ul>
  );
}
