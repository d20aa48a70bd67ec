import { z } from 'zod';

import { isPlainText } from './common';

const note = (min: number) =>
  z
    .string()
    .transform((value) => value.replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .min(min)
        .max(2000)
        .refine(isPlainText),
    );

/** Sending a story back: the note tells the writer what to change, so it is required. */
export const sendBackSchema = z.object({ note: note(5) });

/** An internal note on a story (readers never see it). */
export const deskNoteSchema = z.object({ body: note(2) });

/** Assigning a story: a user id, or '' for nobody. */
export const assignSchema = z.object({ assigneeId: z.string().trim().max(100) });

/** The moment the dashboard home was made, sent back by "Mark as seen". */
export const seenAtSchema = z.object({ shownAt: z.iso.datetime().optional().or(z.literal('')) });
