/**
 * @module The form's own questions and the benefits already received (form-details.ts), on the application page:
 * only those of the form chosen; an amount is shown back as it will be recorded.
 */
import type { AllowanceForm } from '../../shared/records/allowance';
import { SelectField, TextField } from '../fields';
import { formatVnd, parseQuantity } from '../format';
import { useAllowanceT } from './texts';
import { DETAIL_CHOICES, FORM_BENEFITS, FORM_DETAILS, isChoice, type BenefitKey, type DetailKey } from './form-details';
import { useFormDetailsT } from './form-details-texts';

export function FormDetailsSection(props: {
  form: AllowanceForm;
  typed: Readonly<Record<string, string>>;
  onInput: (key: DetailKey | BenefitKey, value: string) => void;
  issue: (key: DetailKey | BenefitKey) => string | undefined;
}) {
  const t = useFormDetailsT();
  const said = useAllowanceT();
  const details = FORM_DETAILS[props.form];
  const benefits = FORM_BENEFITS[props.form];
  if (details.length === 0 && benefits.length === 0) return null;
  const value = (key: string) => props.typed[key] ?? '';
  return (
    <>
      {details.length > 0 && (
        <section class="card" aria-labelledby="details-title" data-testid="form-details">
          <h2 id="details-title">{t.detailsSection}</h2>
          {details.map((key) =>
            isChoice(key) ? (
              <SelectField
                key={key}
                name={key}
                label={t.labels[key]}
                value={value(key)}
                placeholder={t.choose}
                options={DETAIL_CHOICES[key].map((c) => [c, t.choices[c]] as const)}
                onChange={(v) => props.onInput(key, v)}
                error={props.issue(key)}
              />
            ) : (
              <TextField
                key={key}
                name={key}
                label={t.labels[key]}
                value={value(key)}
                {...(key === 'disabledMembers' ? { inputMode: 'numeric' as const } : {})}
                onInput={(v) => props.onInput(key, v)}
                error={props.issue(key)}
              />
            ),
          )}
        </section>
      )}
      {benefits.length > 0 && (
        <section class="card" aria-labelledby="benefits-title" data-testid="current-benefits">
          <h2 id="benefits-title">{t.benefitsSection}</h2>
          {benefits.map((key) => {
            const typed = value(key).trim();
            const money = typed ? parseQuantity(typed, 'VND') : undefined;
            return (
              <TextField
                key={key}
                name={key}
                label={t.labels[key]}
                value={value(key)}
                inputMode="numeric"
                onInput={(v) => props.onInput(key, v)}
                hint={money?.ok ? said.readAs(formatVnd(money.value)) : undefined}
                error={props.issue(key)}
              />
            );
          })}
        </section>
      )}
    </>
  );
}
