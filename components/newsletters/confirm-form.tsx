import { confirmSubscriptionAction } from '@/actions/newsletters';
import auth from '@/components/auth/auth.module.css';

/** The confirmation link's button: a click, never the link itself, confirms (mail scanners follow links). */
export function ConfirmForm({ token, lists }: { token: string; lists: string[] }) {
  return (
    <form action={confirmSubscriptionAction} className={auth.form} aria-labelledby="confirm-title">
      <h2 id="confirm-title">Confirm your subscription</h2>
      <p>You asked for {lists.join(', ')}.</p>
      <input type="hidden" name="t" value={token} />
      <button type="submit">Confirm my subscription</button>
    </form>
  );
}
