/** @module The foot of a printed list: who prepared it and the village head, each with a line to sign on. */
import { useT } from '../i18n';

export function PrintSigners() {
  const t = useT();
  return (
    <footer>
      {[t.printPreparedBy, t.printVillageHead].map((who) => (
        <div class="signer" key={who}>
          <strong>{who}</strong>
          <span class="hint">{t.printSignAndName}</span>
          <span class="sign-line" />
        </div>
      ))}
    </footer>
  );
}
