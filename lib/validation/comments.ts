import { z } from 'zod';

import { COMMENT_REPORT_REASONS } from '@/lib/editorial';

export const REPORT_NOTE_MAX = 500;

export const commentIdSchema = z.coerce.number().int().positive().max(2_147_483_647);

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
        .refine((value) => !/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(value), { message: 'The note contains characters that are not allowed.' }),
    ),
});

/** Like or take back a like. */
export const commentLikeSchema = z.object({ commentId: commentIdSchema, intent: z.enum(['like', 'unlike']) });
