import { z } from 'zod';

import { hasVisibleText, isOneLine, isPlainText, optionalSerialId } from './common';

/** A live entry as the dashboard's form sends it (docs/adr/0026). Checkboxes send "on" or nothing. */
const checkbox = z.preprocess((value) => value === 'on' || value === 'true' || value === true, z.boolean());

export const liveEntrySchema = z.object({
  title: z
    .string()
    .trim()
    .max(200, 'Keep the heading under 200 characters.')
    .refine((value) => isOneLine(value), 'The heading is one line of text.'),
  body: z
    .string()
    .trim()
    .min(1, 'Write the entry.')
    .max(20_000, 'Keep an entry under 20,000 characters.')
    .refine((value) => isPlainText(value) && hasVisibleText(value), 'Write the entry.'),
  imageId: optionalSerialId('Pick a picture from the library.'),
  imageAlt: z
    .string()
    .trim()
    .max(300, 'Keep the description under 300 characters.')
    .refine((value) => isOneLine(value), 'The description is one line of text.'),
  keyEvent: checkbox,
  pinned: checkbox,
});

export type LiveEntryInput = z.infer<typeof liveEntrySchema>;

export const LIVE_ENTRY_FIELDS = ['title', 'body', 'imageId', 'imageAlt', 'keyEvent', 'pinned'] as const;
