import styles from './auth.module.css';

/**
 * A link's confirm step: the token travels in a hidden field to a plain form action, so following the link from a
 * mail client (or a scanner that fetches it) changes nothing until a person presses the button.
 */
export function TokenConfirmForm({ action, token, label }: { action: (formData: FormData) => Promise<void>; token: string; label: string }) {
  return (
    <form action={action} className={styles.form}>
      <input type="hidden" name="token" value={token} />
      <button type="submit">{label}</button>
    </form>
  );
}
