import { type ReactNode, useEffect, useRef } from 'react';
import { Form, type FormProps } from 'react-router';
import type { FieldError, FieldErrors } from '../../lib/forms.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import type { Translate } from '../../lib/i18n/i18n.ts';
import { useCsrf, useT } from './i18n-context.tsx';

/** The words of a field error, with its figures. */
export function errorText(t: Translate, error: FieldError): string {
  return typeof error === 'string' ? t(error) : t(error.key, error.values);
}

export function CsrfInput() {
  return <input type="hidden" name="_csrf" value={useCsrf()} />;
}

/** A POST form that works without JavaScript: CSRF token included, browser validation off. */
export function PostForm({ children, ...props }: Omit<FormProps, 'method'> & { children: ReactNode }) {
  return (
    <Form method="post" noValidate {...props}>
      <CsrfInput />
      {children}
    </Form>
  );
}

export function fieldId(name: string) {
  return `f-${name}`;
}

/** The error summary at the top of a form: focused on render, linking to each field. */
export function ErrorSummary({ errors, formError }: { errors?: FieldErrors; formError?: MessageKey | null }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors ?? {}).filter(([field]) => field !== '_form') as [
    string,
    MessageKey,
  ][];
  const general = formError ?? errors?._form ?? null;
  const has = entries.length > 0 || general;
  useEffect(() => {
    if (has) ref.current?.focus();
  }, [has]);
  if (!has) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="error-summary-title">{t('common.form.errorSummary')}</h2>
      <ul>
        {general ? <li>{errorText(t, general)}</li> : null}
        {entries.map(([field, e]) => (
          <li key={field}>
            <a href={`#${fieldId(field)}`}>{errorText(t, e)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

type FieldProps = {
  name: string;
  label: string;
  hint?: string;
  error?: FieldError | undefined;
  required?: boolean;
};

function FieldFrame({ name, label, hint, error, required, children }: FieldProps & { children: ReactNode }) {
  const t = useT();
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={fieldId(name)}>
        {label}
        {required ? (
          <span className="required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {hint ? (
        <p className="hint" id={`${fieldId(name)}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${fieldId(name)}-error`}>
          <span className="visually-hidden">{t('common.form.errorPrefix')} </span>
          {errorText(t, error)}
        </p>
      ) : null}
      {children}
    </div>
  );
}

function describedBy(name: string, hint?: string, error?: FieldError) {
  const ids = [hint ? `${fieldId(name)}-hint` : null, error ? `${fieldId(name)}-error` : null].filter(
    Boolean,
  );
  return ids.length ? ids.join(' ') : undefined;
}

export function TextField(
  props: FieldProps & {
    defaultValue?: string | null | undefined;
    type?: 'text' | 'email' | 'password' | 'url' | 'date' | 'search' | 'number';
    autoComplete?: string;
    inputMode?: 'numeric' | 'text' | 'email';
    width?: 'short' | 'medium' | 'full';
  },
) {
  const {
    name,
    hint,
    error,
    required,
    defaultValue,
    type = 'text',
    autoComplete,
    inputMode,
    width = 'full',
  } = props;
  return (
    <FieldFrame {...props}>
      <input
        id={fieldId(name)}
        name={name}
        type={type}
        className={`input input--${width}`}
        defaultValue={defaultValue ?? ''}
        autoComplete={autoComplete}
        inputMode={inputMode}
        aria-invalid={error ? true : undefined}
        aria-required={required ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
      />
    </FieldFrame>
  );
}

export function TextArea(props: FieldProps & { defaultValue?: string | null; rows?: number }) {
  const { name, hint, error, required, defaultValue, rows = 5 } = props;
  return (
    <FieldFrame {...props}>
      <textarea
        id={fieldId(name)}
        name={name}
        rows={rows}
        className="input input--full"
        defaultValue={defaultValue ?? ''}
        aria-invalid={error ? true : undefined}
        aria-required={required ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
      />
    </FieldFrame>
  );
}

export function SelectField(
  props: FieldProps & {
    defaultValue?: string | null;
    options: { value: string; label: string }[];
    emptyLabel?: string;
  },
) {
  const { name, hint, error, required, defaultValue, options, emptyLabel } = props;
  return (
    <FieldFrame {...props}>
      <select
        id={fieldId(name)}
        name={name}
        className="input input--medium"
        defaultValue={defaultValue ?? ''}
        aria-invalid={error ? true : undefined}
        aria-required={required ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
      >
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function RadioGroup(
  props: FieldProps & { defaultValue?: string | null; options: { value: string; label: string }[] },
) {
  const t = useT();
  const { name, label, hint, error, defaultValue, options } = props;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <fieldset id={fieldId(name)} aria-describedby={describedBy(name, hint, error)}>
        <legend>{label}</legend>
        {hint ? (
          <p className="hint" id={`${fieldId(name)}-hint`}>
            {hint}
          </p>
        ) : null}
        {error ? (
          <p className="field-error" id={`${fieldId(name)}-error`}>
            <span className="visually-hidden">{t('common.form.errorPrefix')} </span>
            {errorText(t, error)}
          </p>
        ) : null}
        <div className="radios">
          {options.map((o) => (
            <div className="radio" key={o.value}>
              <input
                type="radio"
                id={`${fieldId(name)}-${o.value}`}
                name={name}
                value={o.value}
                defaultChecked={defaultValue === o.value}
              />
              <label htmlFor={`${fieldId(name)}-${o.value}`}>{o.label}</label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export function RequiredNote() {
  const t = useT();
  return <p className="required-note">{t('common.form.requiredNote')}</p>;
}

/** A date typed the Polish way ("27.03.2027"): one short numeric field with the usual hint. */
export function DateField(props: FieldProps & { defaultValue?: string | null | undefined }) {
  const t = useT();
  return (
    <TextField
      {...props}
      hint={props.hint ?? t('common.form.date.hint')}
      width="short"
      inputMode="numeric"
      autoComplete="off"
    />
  );
}

/**
 * A required confirmation before something is deleted for good (works without JavaScript: the
 * server refuses the form until it is ticked, and the error is shown here).
 */
export function ConfirmCheckbox({ label, error }: { label: string; error?: FieldError | undefined }) {
  const t = useT();
  return (
    <div className={error ? 'field field--error' : 'field'}>
      {error ? (
        <p className="field-error" id="f-confirm-error">
          {errorText(t, error)}
        </p>
      ) : null}
      <div className="checkbox">
        <input
          type="checkbox"
          id={fieldId('confirm')}
          name="confirm"
          aria-describedby={error ? 'f-confirm-error' : undefined}
          aria-invalid={error ? true : undefined}
        />
        <label htmlFor={fieldId('confirm')}>{label}</label>
      </div>
    </div>
  );
}
