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
  const [chosen, setChosen] = useState<{ commune?: string | undefined; village?: string | undefined }>({});
  useEffect(() => {
    void Promise.all([settings.commune(), settings.village()]).then(([commune, village]) =>
      setChosen({ commune, village }),
    );
  }, []);
  const commune = chosen.commune && codes.includes(chosen.commune) ? chosen.commune : codes[0];
  return {
    commune,
    village: chosen.commune === commune ? chosen.village : undefined,
    setCommune: (code: string) => {
      setChosen({ commune: code, village: undefined });
      void settings.saveCommune(code);
      void settings.saveVillage(undefined);
    },
    setVillage: (village: string | undefined) => {
      setChosen({ commune, village });
      void settings.saveVillage(village);
    },
  };
}

export function useCommune(): [string | undefined, (code: string) => void] {
  const { commune, setCommune } = useWorkplace();
  return [commune, setCommune];
}
