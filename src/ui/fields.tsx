/**
 * @module Form controls with a visible label, the error next to the field (announced to screen readers), and
 * 44 px touch targets from styles.css. Every form of the app is built from these.
 */
import type { ComponentChildren } from 'preact';

interface FieldProps {
  name: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
}

function described(name: string, error: string | undefined) {
  return error ? { 'aria-invalid': true as const, 'aria-describedby': `${name}-error` } : {};
}

function FieldShell(props: FieldProps & { children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is props.children (each field below passes its input)
    <label class={props.error ? 'field invalid' : 'field'}>
      {props.label}
      {props.children}
      {props.hint && <span class="hint">{props.hint}</span>}
      {props.error && (
        <span class="error" id={`${props.name}-error`} role="alert">
          {props.error}
        </span>
      )}
    </label>
  );
}

export function TextField(
  props: FieldProps & {
    value: string;
    onInput: (value: string) => void;
    inputMode?: 'text' | 'numeric' | 'tel' | 'decimal';
    maxLength?: number;
    /** When the field is left: a form shows its errors from then on (issue 11, data entry). */
    onBlur?: () => void;
  },
) {
  return (
    <FieldShell {...props}>
      <input
        name={props.name}
        type="text"
        {...(props.inputMode ? { inputMode: props.inputMode } : {})}
        {...(props.maxLength ? { maxLength: props.maxLength } : {})}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        {...(props.onBlur ? { onBlur: props.onBlur } : {})}
        {...described(props.name, props.error)}
      />
    </FieldShell>
  );
}

export function TextAreaField(props: FieldProps & { value: string; onInput: (value: string) => void; rows?: number }) {
  return (
    <FieldShell {...props}>
      <textarea
        name={props.name}
        rows={props.rows ?? 3}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        {...described(props.name, props.error)}
      />
    </FieldShell>
  );
}

export function SelectField<T extends string>(
  props: FieldProps & {
    value: T | '';
    options: readonly (readonly [T, string])[];
    onChange: (value: T) => void;
    placeholder?: string;
    disabled?: boolean;
  },
) {
  return (
    <FieldShell {...props}>
      <select
        name={props.name}
        value={props.value}
        disabled={props.disabled ?? false}
        onChange={(e) => props.onChange(e.currentTarget.value as T)}
        {...described(props.name, props.error)}
      >
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {props.options.map(([value, text]) => (
          <option value={value} key={value}>
            {text}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckField(props: {
  name: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label class="check">
      <input
        type="checkbox"
        name={props.name}
        checked={props.checked}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      {props.label}
    </label>
  );
}

/** Yes / no / not yet known, for survey questions that may be answered later. */
export function TriState(props: {
  name: string;
  label: string;
  value: boolean | undefined;
  onChange: (value: boolean | undefined) => void;
  yes: string;
  no: string;
  unknown: string;
}) {
  const options: [string, boolean | undefined][] = [
    [props.yes, true],
    [props.no, false],
    [props.unknown, undefined],
  ];
  return (
    <fieldset class="field">
      <legend>{props.label}</legend>
      {options.map(([text, value]) => (
        <label class="inline" key={text}>
          <input
            type="radio"
            name={props.name}
            checked={props.value === value}
            onChange={() => props.onChange(value)}
          />
          {text}
        </label>
      ))}
    </fieldset>
  );
}
