/** @module The classification as the collaborator fills the survey in: the class, each indicator, and why. */
import { useState } from 'preact/hooks';
import type { PovertyAnswer } from '../../domain';
import { useLanguage, useT } from '../i18n';
import { formatVnd } from '../format';

export function PovertyResult({ answer }: { answer: PovertyAnswer }) {
  const t = useT();
  const lang = useLanguage();
  const [open, setOpen] = useState(false);
  return (
    <section class={`card result class-${answer.classification}`} aria-live="polite" data-testid="poverty-result">
      <h2>
        {t.result}: <span data-testid="classification">{t.classifications[answer.classification]}</span>
        {answer.provisional && <span class="badge"> {t.notConfirmed}</span>}
      </h2>
      <p>
        {t.perCapitaLabel}: {formatVnd(answer.income.perCapitaMonthly)} / {formatVnd(answer.standard.incomeLine)} ·{' '}
        {t.deprivations(answer.deprivationCount)} · {answer.standard.title[lang]}
      </p>
      <ul class="indicators">
        {answer.indicators.map((i) => (
          <li key={i.code} class={i.deprived === true ? 'deprived' : i.deprived === false ? 'ok' : 'unknown'}>
            <strong>{i.name[lang]}</strong>: {i.deprived === true ? '✗' : i.deprived === false ? '✓' : '?'}{' '}
            {i.reason[lang]}
          </li>
        ))}
      </ul>
      <button type="button" class="secondary" onClick={() => setOpen(!open)} aria-expanded={open}>
        {open ? t.hideReasons : t.showReasons}
      </button>
      {open && (
        <div class="explanation" data-testid="explanation">
          <ol>
            {answer.explanation.steps.map((step, index) => (
              <li key={index}>{step[lang]}</li>
            ))}
          </ol>
          {answer.explanation.provisionalNotes.map((note, index) => (
            <p class="hint" key={index}>
              {t.notConfirmed}: {note[lang]}
            </p>
          ))}
          <ul class="plain">
            {answer.explanation.rules.map((rule) => (
              <li key={rule.id}>
                <code>{rule.id}</code> — {rule.legalBasis.document}, {rule.legalBasis.article}
                {rule.status === 'provisional' ? ` (${t.notConfirmed})` : ''}
              </li>
            ))}
          </ul>
          <p class="hint">{answer.rulePack.snapshot}</p>
        </div>
      )}
    </section>
  );
}
