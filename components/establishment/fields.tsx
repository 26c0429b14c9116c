/**
 * The form's controls. Each one is addressed by its dotted key ('address.postalCode',
 * 'contacts.0.rpps'), the same key zod gives its problems, so a field finds its own error,
 * label, DOM id and value without any wiring at the call site.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { t, tm, type Message } from '../../lib/i18n/t';
import { fieldLabelKeyOf } from '../../lib/profile/field-labels';

export interface FormApi {
  readOnly: boolean;
  value(key: string): string;
  change(key: string, value: string): void;
  touch(key: string): void;
  idFor(key: string): string;
  /** The error to show now: only once the field was left, or after a save attempt. */
  errorFor(key: string): Message | undefined;
  warningFor(key: string): Message | undefined;
}

export const FormContext = createContext<FormApi | null>(null);

function useForm(): FormApi {
  const form = useContext(FormContext);
  if (!form) throw new Error('Form fields must sit inside a FormContext provider');
  return form;
}

/** The text of a control's label; none for a key the form has no control for. */
export function labelOf(key: string): string | undefined {
  const labelKey = fieldLabelKeyOf(key);
  return labelKey && t(labelKey);
}

interface FieldProps {
  /** Dotted key of the value in the draft. */
  k: string;
  hint?: string;
  /** Shown under the field, e.g. how a value was suggested. */
  note?: string;
  required?: boolean;
  className?: string;
}

/** The label/hint/error/warning frame shared by every control, and the ARIA that ties them. */
function useFieldFrame({ k, hint, note, required }: FieldProps) {
  const form = useForm();
  const id = form.idFor(k);
  const error = form.errorFor(k);
  const warning = form.warningFor(k);
  const describedBy = [hint && `${id}-hint`, note && `${id}-note`, error && `${id}-error`, warning && `${id}-warning`]
    .filter(Boolean)
    .join(' ');
  const control = {
    id,
    name: k,
    value: form.value(k),
    disabled: form.readOnly,
    required,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy || undefined,
    onBlur: () => form.touch(k),
  } as const;
  const frame = (input: ReactNode, className?: string) => (
    <div className={['field', error && 'field--error', warning && 'field--warning', className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="field__label">
        {labelOf(k)}
        {required && (
          <span className="field__required" aria-hidden="true">
            {' *'}
          </span>
        )}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {input}
      {note && (
        <p id={`${id}-note`} className="field__note">
          {note}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field__error">
          {tm(error)}
        </p>
      )}
      {warning && (
        <p id={`${id}-warning`} className="field__warning">
          {tm(warning)}
        </p>
      )}
    </div>
  );
  return { form, control, frame };
}

interface TextFieldProps extends FieldProps {
  type?: 'text' | 'email' | 'tel' | 'date';
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'email' | 'tel';
  multiline?: boolean;
}

export function TextField({ type = 'text', autoComplete, inputMode, multiline, className, ...props }: TextFieldProps) {
  const { form, control, frame } = useFieldFrame(props);
  const onChange = (event: { target: { value: string } }) => form.change(props.k, event.target.value);
  return frame(
    multiline ? (
      <textarea {...control} className="field__input" rows={3} onChange={onChange} />
    ) : (
      <input
        {...control}
        className="field__input"
        type={type}
        autoComplete={autoComplete ?? 'off'}
        inputMode={inputMode}
        spellCheck={false}
        onChange={onChange}
      />
    ),
    className,
  );
}

export interface Option {
  value: string;
  label: string;
}

interface SelectFieldProps extends FieldProps {
  options: readonly Option[];
  /** The empty choice's text; without it the select has no empty choice. */
  placeholder?: string;
}

export function SelectField({ options, placeholder, className, ...props }: SelectFieldProps) {
  const { form, control, frame } = useFieldFrame(props);
  const current = control.value;
  // A value typed elsewhere (an imported file) stays visible and selected rather than silently replaced.
  const all = current && !options.some((o) => o.value === current) ? [...options, { value: current, label: current }] : options;
  return frame(
    <select {...control} className="field__input" onChange={(event) => form.change(props.k, event.target.value)}>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {all.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>,
    className,
  );
}

interface CheckboxGroupProps {
  k: string;
  options: readonly Option[];
  checked: readonly string[];
  onToggle(value: string, checked: boolean): void;
}

export function CheckboxGroup({ k, options, checked, onToggle }: CheckboxGroupProps) {
  const form = useForm();
  const id = form.idFor(k);
  const error = form.errorFor(k);
  return (
    <fieldset className="checkboxes" id={id} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="field__label">{labelOf(k)}</legend>
      {options.map((option) => (
        <div className="checkboxes__item" key={option.value}>
          <input
            type="checkbox"
            id={`${id}-${option.value}`}
            name={k}
            value={option.value}
            checked={checked.includes(option.value)}
            disabled={form.readOnly}
            onChange={(event) => onToggle(option.value, event.target.checked)}
          />
          <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
        </div>
      ))}
      {error && (
        <p id={`${id}-error`} className="field__error">
          {tm(error)}
        </p>
      )}
    </fieldset>
  );
}
