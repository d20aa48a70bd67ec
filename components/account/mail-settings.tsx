import { listNewsletterChoices, listOwnSubscriptions } from '@/data/newsletter-subscriptions';
import { getNotificationPreferences } from '@/data/notifications';

import { NotificationSwitches } from './notification-switches';
import { OwnNewslettersForm } from './own-newsletters-form';

/**
 * The account page's e-mail part: notification switches and newsletters, read for the signed-in reader `userId`;
 * `saved` is the account page's ?saved= after one of them redirected back.
 */
export async function MailSettings({ userId, saved }: { userId: string; saved: string | undefined }) {
  const [preferences, subscriptions, choices] = await Promise.all([getNotificationPreferences(userId), listOwnSubscriptions(userId), listNewsletterChoices()]);
  const states = new Map(subscriptions.map((entry) => [entry.list, entry.state]));
  return (
    <>
      <NotificationSwitches key={`${preferences.replies}:${preferences.moderation}`} replies={preferences.replies} moderation={preferences.moderation} saved={saved === 'notifications'} />
      <OwnNewslettersForm key={subscriptions.map((entry) => `${entry.list}:${entry.state}`).join(',')} choices={choices.map((choice) => ({ ...choice, state: states.get(choice.list) }))} saved={saved === 'newsletters' || saved === 'newsletters-to-confirm' ? saved : null} />
    </>
  );
}
