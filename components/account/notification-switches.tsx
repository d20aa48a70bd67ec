'use client';

import { updateNotificationsAction } from '@/actions/newsletters';
import auth from '@/components/auth/auth.module.css';
import styles from '@/components/newsletters/newsletters.module.css';
import formStyles from '@/components/ui/form.module.css';
import { FormIdField, useFormAction } from '@/components/ui/form-result';

/**
 * The signed-in reader's two e-mail switches: replies to their comments, and decisions on their held comments.
 * `saved`: the action redirected back after saving (with or without JavaScript).
 */
export function NotificationSwitches({ replies, moderation, saved }: { replies: boolean; moderation: boolean; saved: boolean }) {
  const [, action, pending] = useFormAction(updateNotificationsAction, 'notifications');
  return (
    <form action={action} className={auth.form} aria-labelledby="notifications-title">
      <FormIdField id="notifications" />
      <h2 id="notifications-title">E-mail notifications</h2>
      {saved && (
        <p className={formStyles.formSuccess} role="status">
          Your notification settings are saved.
        </p>
      )}
      <label className={styles.choice}>
        <input type="checkbox" name="replies" defaultChecked={replies} />
        E-mail me when someone replies to my comments (at most one message every 15 minutes)
      </label>
      <label className={styles.choice}>
        <input type="checkbox" name="moderation" defaultChecked={moderation} />
        E-mail me when a moderator approves or rejects a comment of mine that was held
      </label>
      <button type="submit" disabled={pending}>
        Save notifications
      </button>
    </form>
  );
}
