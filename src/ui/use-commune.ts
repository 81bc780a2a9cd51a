/** @module The commune the user is working in: remembered per device, always one of the user's own. */
import { useEffect, useState } from 'preact/hooks';
import { settings } from '../db/settings';
import { useSession } from './services';

export function useCommune(): [string | undefined, (code: string) => void] {
  const session = useSession();
  const codes = session?.user.communes.map((c) => c.code) ?? [];
  const [chosen, setChosen] = useState<string | undefined>();
  useEffect(() => {
    void settings.commune().then((saved) => setChosen(saved));
  }, []);
  const commune = chosen && codes.includes(chosen) ? chosen : codes[0];
  return [
    commune,
    (code: string) => {
      setChosen(code);
      void settings.saveCommune(code);
    },
  ];
}
