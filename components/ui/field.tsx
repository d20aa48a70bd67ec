'use client';

/** Labelled form controls with their hint and errors announced and tied to them (aria-describedby). */

import formStyles from './form.module.css';
import { useTextAreaValueAtHydration } from './use-hydrating';

type Common = { name: string; label: string; errors?: string[]; hint?: string; required?: boolean; id?: string };

function describedBy(id: string, hint?: string, errors?: string[]): string | undefined {
  return [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

function Hint({ id, hint }: { id: string; hint?: string }) {
  return hint ? (
    <span id={`${id}-hint`} className={formStyles.hint}>
      {hint}
    </span>
  ) : null;
}

function Errors({ id, errors }: { id: string; errors?: string[] }) {
  return errors?.length ? (
    <span id={`${id}-error`} className={formStyles.error}>
      {errors.join(' ')}
    </span>
  ) : null;
}

export function Field({ name, label, type = 'text', errors, defaultValue, autoComplete, hint, required = true, id = name }: Common & { type?: string; defaultValue?: string; autoComplete?: string }) {
  return (
    <p className={formStyles.field}>
      <label htmlFor={id}>{label}</label>
      <Hint id={id} hint={hint} />
      <input id={id} name={name} type={type} defaultValue={defaultValue} autoComplete={autoComplete} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, hint, errors)} required={required} />
      <Errors id={id} errors={errors} />
    </p>
  );
}

export function TextAreaField({ name, label, errors, defaultValue = '', hint, required = true, id = name, rows = 4 }: Common & { defaultValue?: string; rows?: number }) {
  // Text typed before the page hydrated stays in the box (React would put the server's text back).
  const text = useTextAreaValueAtHydration(id, defaultValue);
  return (
    <p className={formStyles.field}>
      <label htmlFor={id}>{label}</label>
      <Hint id={id} hint={hint} />
      <textarea id={id} name={name} rows={rows} defaultValue={text} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, hint, errors)} required={required} />
      <Errors id={id} errors={errors} />
    </p>
  );
}

export function SelectField({ name, label, errors, defaultValue, hint, required = true, id = name, options }: Common & { defaultValue?: string; options: { value: string; label: string }[] }) {
  return (
    <p className={formStyles.field}>
      <label htmlFor={id}>{label}</label>
      <Hint id={id} hint={hint} />
      <select id={id} name={name} defaultValue={defaultValue} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, hint, errors)} required={required}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <Errors id={id} errors={errors} />
    </p>
  );
}
