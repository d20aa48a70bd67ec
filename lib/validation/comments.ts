import { z } from 'zod';

import { COMMENT_REPORT_REASONS } from '@/lib/editorial';

import { isPlainText, serialId } from './common';

export const REPORT_NOTE_MAX = 500;

export const commentIdSchema = serialId();

/** A reader's report: a reason from the list and an optional note for the moderators. */
export const commentReportSchema = z.object({
  commentId: commentIdSchema,
  reason: z.enum(COMMENT_REPORT_REASONS, { message: 'Choose a reason.' }),
  note: z
    .string()
    .transform((value) => value.trim())
    .pipe(
      z
        .string()
        .max(REPORT_NOTE_MAX, { message: `Keep the note under ${REPORT_NOTE_MAX} characters.` })
        .refine(isPlainText, { message: 'The note contains characters that are not allowed.' }),
    ),
});

/** Like or take back a like. */
export const commentLikeSchema = z.object({ commentId: commentIdSchema, intent: z.enum(['like', 'unlike']) });
