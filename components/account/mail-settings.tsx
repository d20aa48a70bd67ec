import { listNewsletterChoices, listOwnSubscriptions } from '@/data/newsletter-subscriptions';
import { getNotificationPreferences } from '@/data/notifications';

import { NotificationSwitches } from './notification-switches';
import { OwnNewslettersForm } from './own-newsletters-form';

/** The account page's e-mail part: notification switches and newsletters, read for the signed-in reader `userId`. */
export async function MailSettings({ userId }: { userId: string }) {
  const [preferences, subscriptions, choices] = await Promise.all([getNotificationPreferences(userId), listOwnSubscriptions(userId), listNewsletterChoices()]);
  const states = new Map(subscriptions.map((entry) => [entry.list, entry.state]));
  return (
    <>
      <NotificationSwitches replies={preferences.replies} moderation={preferences.moderation} />
      <OwnNewslettersForm key={subscriptions.map((entry) => `${entry.list}:${entry.state}`).join(',')} choices={choices.map((choice) => ({ ...choice, state: states.get(choice.list) }))} />
    </>
  );
}
