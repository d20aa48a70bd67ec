/** A labelled input with its errors announced and tied to it (aria-describedby). */
export function Field({ name, label, type = 'text', errors, defaultValue, autoComplete, hint }: { name: string; label: string; type?: string; errors?: string[]; defaultValue?: string; autoComplete?: string; hint?: string }) {
  const errorId = `${name}-error`;
  const hintId = `${name}-hint`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <p className="field">
      <label htmlFor={name}>{label}</label>
      {hint && (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      )}
      <input id={name} name={name} type={type} defaultValue={defaultValue} autoComplete={autoComplete} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy} required />
      {errors?.length ? (
        <span id={errorId} className="field__error">
          {errors.join(' ')}
        </span>
      ) : null}
    </p>
  );
}
