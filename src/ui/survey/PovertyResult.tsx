/** @module The classification as the collaborator fills the survey in: the class, each indicator, and why. */
import { useState } from 'preact/hooks';
import type { PovertyAnswer } from '../../domain';
import { useLanguage, useT } from '../i18n';
import { formatVnd } from '../format';
import { formatVnDate } from '../dates';
import { legalBasisLines, plainText, provisionalGroups, rulePackOf } from './explanation';
import { useSurveyTexts } from './texts';

export function PovertyResult({ answer }: { answer: PovertyAnswer }) {
  const t = useT();
  const st = useSurveyTexts();
  const lang = useLanguage();
  const [open, setOpen] = useState(false);
  // The engine's codes as the form names them: indicators, water sources, latrines.
  const labels = new Map<string, string>([
    ...answer.indicators.map((i) => [i.code, i.name[lang]] as const),
    ...Object.entries(st.waters),
    ...Object.entries(st.latrines),
  ]);
  const plain = (text: string) => plainText(text, labels);
  const provisional = provisionalGroups(answer, lang);
  const rulePack = rulePackOf(answer, lang);
  return (
    <section class={`card result class-${answer.classification}`} aria-live="polite" data-testid="poverty-result">
      <h2>
        {st.result}: <span data-testid="classification">{t.classifications[answer.classification]}</span>
        {answer.provisional && <span class="badge"> {st.unconfirmedThresholds}</span>}
      </h2>
      <p>
        {st.perCapitaLabel}: {formatVnd(answer.income.perCapitaMonthly)} / {formatVnd(answer.standard.incomeLine)} ·{' '}
        {st.deprivations(answer.deprivationCount)} · {answer.standard.title[lang]}
      </p>
      <ul class="indicators">
        {answer.indicators.map((i) => (
          <li key={i.code} class={i.deprived === true ? 'deprived' : i.deprived === false ? 'ok' : 'unknown'}>
            <strong>{i.name[lang]}</strong>: {i.deprived === true ? '✗' : i.deprived === false ? '✓' : '?'}{' '}
            {plain(i.reason[lang])}
          </li>
        ))}
      </ul>
      <button type="button" class="secondary" onClick={() => setOpen(!open)} aria-expanded={open}>
        {open ? st.hideReasons : st.showReasons}
      </button>
      {open && (
        <div class="explanation" data-testid="explanation">
          <ol>
            {answer.explanation.steps.map((step, index) => (
              <li key={index}>{plain(step[lang])}</li>
            ))}
          </ol>
          {(provisional.groups.length > 0 || provisional.other.length > 0) && (
            <div data-testid="provisional-notes">
              <h3>{st.provisionalHeading}</h3>
              <ul class="plain">
                {provisional.groups.map((group) => (
                  <li key={group.note}>
                    {group.note} ({group.titles.join(', ')})
                  </li>
                ))}
                {provisional.other.map((note) => (
                  <li key={note}>{plain(note)}</li>
                ))}
              </ul>
            </div>
          )}
          <h3>{st.legalBasisHeading}</h3>
          <ul class="plain" data-testid="legal-basis">
            {legalBasisLines(answer.explanation.rules, lang).map((line) => (
              <li key={line.reference}>
                {line.reference} — {line.titles.join(', ')}
              </li>
            ))}
          </ul>
          <p class="hint" data-testid="rule-pack">
            {st.rulesApplied(rulePack.packs, formatVnDate(rulePack.asOf))}
          </p>
        </div>
      )}
    </section>
  );
}
