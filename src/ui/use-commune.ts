/**
 * @module Where the user works: a commune among their assigned ones and, optionally, a village. Remembered per
 * device, so a collaborator picks it once after signing in.
 */
import { useEffect, useState } from 'preact/hooks';
import { settings } from '../db/settings';
import { useSession } from './services';

export function useWorkplace() {
  const session = useSession();
  const codes = session?.user.communes.map((c) => c.code) ?? [];
  const [chosen, setChosen] = useState<{
    commune?: string | undefined;
    village?: string | undefined;
    loaded?: true;
  }>({});
  useEffect(() => {
    void Promise.all([settings.commune(), settings.village()]).then(([commune, village]) =>
      setChosen((now) => (now.loaded ? now : { commune, village, loaded: true })),
    );
  }, []);
  const commune = chosen.commune && codes.includes(chosen.commune) ? chosen.commune : codes[0];
  return {
    /** The remembered choice has been read: before it, `commune` is only the first assigned one. */
    loaded: chosen.loaded === true,
    commune,
    village: chosen.commune === commune ? chosen.village : undefined,
    setCommune: (code: string) => {
      setChosen({ commune: code, village: undefined, loaded: true });
      void settings.saveCommune(code);
      void settings.saveVillage(undefined);
    },
    setVillage: (village: string | undefined) => {
      setChosen({ commune, village, loaded: true });
      void settings.saveVillage(village);
    },
  };
}

/** The commune the user is looking at, once known (undefined until the remembered choice is read). */
export function useChosenCommune(): string | undefined {
  const { commune, loaded } = useWorkplace();
  return loaded ? commune : undefined;
}
