'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { z } from 'zod';

import { confirmSubscriptions, requestSubscription, unsubscribe, updateOwnSubscriptions } from '@/data/newsletter-subscriptions';
import { updateNotificationPreferences } from '@/data/notifications';
import { fromZodError } from '@/lib/action-result';
import { clientAddress } from '@/lib/client-address';
import { InvalidInputError, NewsletterThrottledError } from '@/lib/errors';
import { formText } from '@/lib/form-data';
import { readConfirmToken, readUnsubscribeToken } from '@/lib/mail/list-tokens';
import { notificationSwitchesSchema, ownNewslettersSchema, subscribeSchema } from '@/lib/validation/newsletters';

import { accept, formAction, invalidField, plainAction, refusal, reject } from './define';

const signInAgain = (): never => redirect('/login?callbackUrl=%2Faccount');

const throttled = refusal(NewsletterThrottledError, (error) => ({
  formError: `Too many requests from your connection. Please try again in ${error.retryAfterMinutes === 1 ? 'a minute' : `${error.retryAfterMinutes} minutes`}.`,
}));

const ticked = (formData: FormData) => formData.getAll('lists').filter((value): value is string => typeof value === 'string');

/** parseWith for forms with checkboxes: the input holds a list, so it is not a record of text fields. */
function parseChoices<Input>(schema: z.ZodType<Input>, input: unknown, shown: Record<string, string>) {
  const parsed = schema.safeParse(input);
  return parsed.success ? accept(parsed.data) : reject(fromZodError(parsed.error, shown));
}

/**
 * Anyone: asks for newsletters at an address (double opt-in: a confirmation message goes out). The answer is the same
 * whether or not the address was subscribed already; rate-limited per client.
 */
export const subscribeAction = formAction({
  name: 'subscribeAction',
  caller: 'anyone',
  refused: () => ({}),
  echo: (formData) => ({ values: { email: formText(formData, 'email'), lists: ticked(formData).join(' ') } }),
  parse: (formData) => parseChoices(subscribeSchema, { email: formText(formData, 'email'), lists: ticked(formData) }, { email: formText(formData, 'email'), lists: ticked(formData).join(' ') }),
  run: async (_viewer, input) => requestSubscription({ ...input, client: clientAddress(await headers()) }),
  refusals: [throttled, invalidField],
  // A redirect, not a result: "check your inbox" then shows the same with or without JavaScript.
  done: () => redirect('/newsletters?sent=1'),
});

/** Anyone holding a confirmation link: the subscription counts from now (a button, so link scanners confirm nothing). */
export const confirmSubscriptionAction = plainAction({
  name: 'confirmSubscriptionAction',
  caller: 'anyone',
  parse: (formData) => {
    const token = readConfirmToken(formText(formData, 't'), new Date());
    return token ? accept(token) : reject('/newsletters/confirm?status=invalid');
  },
  run: (_viewer, { email, lists }) => confirmSubscriptions(email, lists as ('daily' | `section:${string}`)[]),
  done: () => redirect('/newsletters/confirm?status=confirmed'),
});

/** Anyone holding an unsubscribe link: stops that list for that address (the page's button; one-click is /api/unsubscribe). */
export const unsubscribeAction = plainAction({
  name: 'unsubscribeAction',
  caller: 'anyone',
  parse: (formData) => {
    const token = readUnsubscribeToken(formText(formData, 't'));
    return token ? accept(token) : reject('/unsubscribe?status=invalid');
  },
  run: (_viewer, { email, list }) => unsubscribe(email, list),
  done: (_output, { list }) => redirect(`/unsubscribe?status=done&list=${encodeURIComponent(list)}`),
});

/** Signed-in users: their reply and moderation notice switches. */
export const updateNotificationsAction = formAction({
  name: 'updateNotificationsAction',
  caller: 'signed-in',
  refused: signInAgain,
  parse: (formData) => accept(notificationSwitchesSchema.parse({ replies: formText(formData, 'replies') === 'on', moderation: formText(formData, 'moderation') === 'on' })),
  run: async (viewer, input) => {
    await updateNotificationPreferences(viewer.id, input);
    return input;
  },
  done: () => redirect('/account?saved=notifications#notifications-title'),
});

/** Signed-in users: the newsletters their account's address gets (new ones are confirmed by e-mail first). */
export const updateOwnNewslettersAction = formAction({
  name: 'updateOwnNewslettersAction',
  caller: 'signed-in',
  refused: signInAgain,
  parse: (formData) => parseChoices(ownNewslettersSchema, { lists: ticked(formData) }, {}),
  run: async (viewer, { lists }) => updateOwnSubscriptions(viewer.id, lists, clientAddress(await headers())),
  refusals: [throttled, refusal(InvalidInputError, (error) => ({ formError: error.message }))],
  done: ({ requested }) => redirect(`/account?saved=${requested.length > 0 ? 'newsletters-to-confirm' : 'newsletters'}#own-newsletters-title`),
});
