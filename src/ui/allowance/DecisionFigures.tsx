/**
 * @module The figures a decision records — the category (or support of Art. 20), the coefficient and the monthly
 * amount — as the grant's and a change's decision forms both ask them, each read back as it will be recorded.
 */
import { SelectField, TextField } from '../fields';
import { formatVnd, type ParsedQuantity } from '../format';
import { useSay } from '../i18n';
import { useDeskT } from './words';

export function DecisionFigures(props: {
  options: readonly (readonly [string, string])[];
  category: string;
  onCategory: (code: string) => void;
  coefficient: string;
  onCoefficient: (typed: string) => void;
  parsedCoefficient: ParsedQuantity;
  amount: string;
  onAmount: (typed: string) => void;
  parsedAmount: ParsedQuantity;
}) {
  const t = useDeskT();
  const say = useSay();
  const { parsedAmount, parsedCoefficient } = props;
  return (
    <>
      {props.options.length > 0 && (
        <SelectField
          name="category"
          label={t.allowanceCategory}
          value={props.category}
          options={props.options}
          onChange={props.onCategory}
        />
      )}
      <TextField
        name="coefficient"
        label={t.allowanceCoefficient}
        inputMode="decimal"
        value={props.coefficient}
        onInput={props.onCoefficient}
        error={parsedCoefficient.ok ? undefined : say(parsedCoefficient.message)}
      />
      <TextField
        name="amount"
        label={t.allowanceAmountInput}
        inputMode="numeric"
        value={props.amount}
        onInput={props.onAmount}
        error={parsedAmount.ok ? undefined : say(parsedAmount.message)}
        hint={parsedAmount.ok ? t.readAs(formatVnd(parsedAmount.value)) : undefined}
      />
    </>
  );
}
