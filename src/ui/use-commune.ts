/**
 * @module Where the user works: a commune among their assigned ones and, optionally, a village. Remembered per
 * device, so a collaborator picks it once after signing in.
 *
 * The remembered choice is read once, at boot, before the first screen is drawn (`loadWorkplace`, like the session
 * and the language), and kept here for every screen: a page never starts on the first assigned commune and then
 * jumps to the remembered one (issue 11) — until it is read, `commune` is undefined and pages show nothing. A
 * choice made on one screen is seen at once by every other (the list and the Sync page share it).
 */
import { useSyncExternalStore } from 'react';
import { settings } from '../db/settings';
import { useSession } from './services';

interface Remembered {
  readonly commune?: string | undefined;
  readonly village?: string | undefined;
  /** The device's settings have been read (at boot, or once a choice is made). */
  readonly loaded: boolean;
}

let remembered: Remembered = { loaded: false };
const listeners = new Set<() => void>();

function remember(next: Remembered): void {
  remembered = next;
  for (const listener of listeners) listener();
}

/** Reads the remembered commune and village; main.tsx awaits it before it renders the app. */
export async function loadWorkplace(): Promise<void> {
  const [commune, village] = await Promise.all([settings.commune(), settings.village()]);
  // A choice made while reading (none is possible before the first render, but a test may) wins.
  if (!remembered.loaded) remember({ commune, village, loaded: true });
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useWorkplace() {
  const session = useSession();
  const chosen = useSyncExternalStore(subscribe, () => remembered);
  const codes = session?.user.communes.map((c) => c.code) ?? [];
  // The remembered commune when it is still one of the user's, else their first; nothing before it is known.
  const commune = !chosen.loaded
    ? undefined
    : chosen.commune && codes.includes(chosen.commune)
      ? chosen.commune
      : codes[0];
  return {
    /** The remembered choice has been read: before it, `commune` is undefined. */
    loaded: chosen.loaded,
    commune,
    village: chosen.commune === commune ? chosen.village : undefined,
    setCommune: (code: string) => {
      remember({ commune: code, village: undefined, loaded: true });
      void settings.saveCommune(code);
      void settings.saveVillage(undefined);
    },
    setVillage: (village: string | undefined) => {
      remember({ commune, village, loaded: true });
      void settings.saveVillage(village);
    },
  };
}

/** The commune the user is looking at, once known (undefined until the remembered choice is read). */
export function useChosenCommune(): string | undefined {
  return useWorkplace().commune;
}
