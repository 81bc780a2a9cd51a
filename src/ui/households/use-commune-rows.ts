/**
 * @module The commune's households for the list, in two steps: its first screenful, then the whole of it, kept
 * live. IndexedDB answers one read at a time, so the whole commune (5,000 rows) is asked for only once the first
 * screenful has come back — issued together, the small read would wait behind the big one (bench/app.ts, cold start).
 */
import { useEffect, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';
import { communeHouseholds, firstCommuneHouseholds, type CommuneRows } from '../../db/search';
import { db } from '../services';

export interface CommuneRowsState {
  rows: CommuneRows;
  /** False while `rows` is only the first screenful: no count, no search over it. */
  complete: boolean;
}

export function useCommuneRows(commune: string | undefined, firstScreen: number): CommuneRowsState | undefined {
  const [state, setState] = useState<{ commune: string; value: CommuneRowsState } | undefined>();
  useEffect(() => {
    if (!commune) return;
    let stopped = false;
    let unsubscribe = () => {};
    const show = (value: CommuneRowsState) => {
      if (!stopped) setState({ commune, value });
    };
    void firstCommuneHouseholds(db, commune, firstScreen).then(
      (first) => {
        if (stopped) return;
        show({ rows: first, complete: false });
        const subscription = liveQuery(() => communeHouseholds(db, commune)).subscribe({
          next: (rows) => show({ rows, complete: true }),
          error: () => undefined,
        });
        unsubscribe = () => subscription.unsubscribe();
      },
      () => undefined,
    );
    return () => {
      stopped = true;
      unsubscribe();
    };
  }, [commune, firstScreen]);
  // Another commune's rows are never shown for this one while its own are read.
  return state && state.commune === commune ? state.value : undefined;
}
