import styles from './newsletters.module.css';

export type ListChoice = { list: string; label: string; state?: 'subscribed' | 'waiting' };

/** The newsletters as checkboxes named `lists` (works without JavaScript), with what the reader already gets. */
export function ListChoices({ legend, choices, checked, errors }: { legend: string; choices: ListChoice[]; checked: ReadonlySet<string>; errors?: string[] }) {
  return (
    <fieldset className={styles.choices} aria-describedby={errors?.length ? 'lists-error' : undefined}>
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice.list} className={styles.choice}>
          <input type="checkbox" name="lists" value={choice.list} defaultChecked={checked.has(choice.list)} />
          {choice.label}
          {choice.state === 'waiting' && <span className={styles.state}>(waiting for your confirmation)</span>}
        </label>
      ))}
      {errors?.length ? (
        <span id="lists-error" role="alert">
          {errors.join(' ')}
        </span>
      ) : null}
    </fieldset>
  );
}
