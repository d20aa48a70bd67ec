import { z } from 'zod';

import { isOneLine, optionalSerialId, serialId } from './common';

const articleId = serialId('Choose a story.');

/** Which front a form is about: "home" (the front page) or a section's id. */
export const frontSchema = z.union([z.literal('home').transform(() => null), serialId('Choose a front.')]);

export const pinSchema = z.object({
  front: frontSchema,
  articleId,
  /** 0 is the lead (front page) or the first feature; absent means last. */
  position: z.union([z.literal('').transform(() => undefined), z.coerce.number().int().min(0).max(99)]).optional(),
});

export const movePinSchema = z.object({ front: frontSchema, articleId, direction: z.enum(['up', 'down']) });

export const unpinSchema = z.object({ front: frontSchema, articleId });

/** How long a banner stays up, in minutes; "0" is until an editor lifts it. */
export const BREAKING_DURATIONS = [
  { minutes: 30, label: '30 minutes' },
  { minutes: 60, label: '1 hour' },
  { minutes: 120, label: '2 hours' },
  { minutes: 360, label: '6 hours' },
  { minutes: 1440, label: '24 hours' },
  { minutes: 0, label: 'Until lifted' },
] as const;

export const breakingSchema = z.object({
  headline: z
    .string()
    .trim()
    .min(5, { message: 'Write the banner: at least 5 characters.' })
    .max(140, { message: 'Keep the banner to 140 characters.' })
    .refine(isOneLine, { message: 'Control characters are not allowed.' }),
  articleId: optionalSerialId('Choose a story.'),
  duration: z.coerce
    .number()
    .int()
    .refine((minutes) => BREAKING_DURATIONS.some((choice) => choice.minutes === minutes), { message: 'Choose how long the banner stays up.' }),
});

export const liftBreakingSchema = z.object({ id: serialId() });
