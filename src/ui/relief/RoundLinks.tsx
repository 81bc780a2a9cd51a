import { Link } from '@tanstack/react-router';
import type { LocalRound } from '../../db/relief';

/** Links to relief rounds, by name. */
export function RoundLinks({ rounds }: { rounds: readonly LocalRound[] }) {
  return (
    <ul class="plain">
      {rounds.map((r) => (
        <li key={r.id}>
          <Link to="/rounds/$roundId" params={{ roundId: r.id }}>
            {r.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}
