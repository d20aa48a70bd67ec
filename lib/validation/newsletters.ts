import { z } from 'zod';

import { zonedLocalToUtc } from '@/lib/datetime';
import { isNewsletterList } from '@/lib/mail/list-tokens';

import { isOneLine, isPlainText, serialId } from './common';

const email = z.string().trim().toLowerCase().max(254).pipe(z.email({ message: 'Enter a valid e-mail address.' }));
const newsletterList = z.string().refine(isNewsletterList, { message: 'Choose from the newsletters listed.' }).transform((value) => value as 'daily' | `section:${string}`);

/** The lists ticked on a form: at least one, each at most once. */
const lists = z
  .array(newsletterList)
  .max(50)
  .transform((values) => [...new Set(values)]);

export const subscribeSchema = z.object({ email, lists: lists.refine((values) => values.length > 0, { message: 'Choose at least one newsletter.' }) });

/** A signed-in reader's own newsletters: any set, none included (that unsubscribes them all). */
export const ownNewslettersSchema = z.object({ lists });

export const notificationSwitchesSchema = z.object({ replies: z.boolean(), moderation: z.boolean() });

export const issueSchema = z.object({
  list: newsletterList,
  subject: z
    .string()
    .trim()
    .min(3, { message: 'Write a subject line of at least 3 characters.' })
    .max(150, { message: 'Keep the subject line under 150 characters.' })
    .refine(isOneLine, { message: 'Control characters are not allowed.' }),
  intro: z.string().trim().max(5000, { message: 'Keep the introduction under 5,000 characters.' }).refine(isPlainText, { message: 'Control characters are not allowed.' }),
});

export const issueIdSchema = z.object({ id: serialId('Unknown issue.') });

/** When to send: "now", or a minute in the newsroom's time zone (as stories are scheduled), or "draft" to take it back. */
export function issueDeliverySchema(timeZone: string) {
  return z
    .object({ id: serialId('Unknown issue.'), when: z.enum(['now', 'schedule', 'draft'], { message: 'Choose when to send it.' }), scheduledFor: z.string().trim() })
    .transform(({ id, when, scheduledFor: text }, context) => {
      const scheduledFor = when === 'schedule' ? zonedLocalToUtc(text, timeZone) : null;
      if (when === 'schedule' && !scheduledFor) context.addIssue({ code: 'custom', path: ['scheduledFor'], message: 'Give the date and time to send at.' });
      return { id, when, scheduledFor };
    });
}
