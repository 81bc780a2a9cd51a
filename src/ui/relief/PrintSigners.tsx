/** @module The foot of a printed list: who prepared it and the village head, each with a line to sign on. */
import { useReliefTexts } from './texts';

export function PrintSigners() {
  const rt = useReliefTexts();
  return (
    <footer>
      {[rt.printPreparedBy, rt.printVillageHead].map((who) => (
        <div class="signer" key={who}>
          <strong>{who}</strong>
          <span class="hint">{rt.printSignAndName}</span>
          <span class="sign-line" />
        </div>
      ))}
    </footer>
  );
}
