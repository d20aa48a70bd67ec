import { unsubscribeAction } from '@/actions/newsletters';
import auth from '@/components/auth/auth.module.css';

/** The unsubscribe link's button: opening the page changes nothing (mail scanners follow links). */
export function UnsubscribeForm({ token, email, what }: { token: string; email: string; what: string }) {
  return (
    <form action={unsubscribeAction} className={auth.form} aria-labelledby="unsubscribe-title">
      <h2 id="unsubscribe-title">Unsubscribe</h2>
      <p>
        Stop sending {what} to <strong>{email}</strong>?
      </p>
      <input type="hidden" name="t" value={token} />
      <button type="submit">Unsubscribe</button>
    </form>
  );
}
