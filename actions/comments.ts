'use server';

import { refresh, updateTag } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';

import { createComment, deleteOwnComment, editOwnComment, likeComment, reportComment, unlikeComment } from '@/data/comments';
import type { ActionResult } from '@/lib/action-result';
import { cacheTags } from '@/lib/cache-tags';
import { commentBodySchema } from '@/lib/comment-text';
import { env } from '@/lib/env';
import { CommentRefusedError, type CommentRefusal } from '@/lib/errors';
import { formText } from '@/lib/form-data';
import { formatDateTime } from '@/lib/format';
import { safeCallbackPath } from '@/lib/validation/auth';
import { commentIdSchema, commentLikeSchema, commentReportSchema } from '@/lib/validation/comments';
import { serialId } from '@/lib/validation/common';

import { accept, formAction, formActionsOf, plainAction, refusal, reject } from './define';

/** A comment posted or edited: whether it is live or held, and (after an error) the text given back. */
export type CommentActionResult = ActionResult<{ status?: 'published' | 'pending'; commentId?: number; body?: string }>;
/** A like or un-like: the new count. */
export type ReactionResult = ActionResult<{ likeCount?: number; liked?: boolean }>;

const REFUSALS: Record<CommentRefusal, string> = {
  'not-found': 'This story is not open for comments.',
  closed: 'Comments on this story are closed.',
  'rate-limited': 'You are commenting very quickly. Please wait a minute and post again; your text is kept below.',
  duplicate: 'You have just posted this same comment, so it was not posted again. Your text is kept below if you want to change it.',
  'bad-parent': 'The comment you replied to is no longer available.',
  'not-allowed': 'Your account cannot post comments.',
  suspended: 'Your account is suspended from commenting.',
  banned: 'Your account is banned from commenting.',
  'own-comment': 'You cannot like or report your own comment.',
  'already-liked': 'You already like this comment.',
  'not-liked': 'You had not liked this comment.',
  'already-reported': 'You have already reported this comment. Thank you; a moderator will look at it.',
};

/** A refusal in words; a suspension says when it ends (in the newsroom's time zone, as the page does). */
function refusalMessage(error: CommentRefusedError): string {
  if (error.reason === 'suspended' && error.until) return `${REFUSALS.suspended} You can comment again after ${formatDateTime(error.until, env().SITE_TIMEZONE)}.`;
  return REFUSALS[error.reason];
}

/**
 * Without JavaScript the browser shows whatever the POST returned; send it back to the story instead (303), at the
 * comment when there is one. With JavaScript (the form carries js=1) the action answers with state as usual.
 */
function noScriptPath(formData: FormData, commentId: number | null): string | null {
  if (formData.get('js') === '1') return null;
  const path = safeCallbackPath(formText(formData, 'returnTo')).split(/[?#]/)[0]!;
  if (path === '/') return null;
  return commentId ? `${path}?comment=${commentId}#comment-${commentId}` : `${path}#comments`;
}

function returnWithoutScript(formData: FormData, commentId: number | null): void {
  const path = noScriptPath(formData, commentId);
  if (path) redirect(path);
}

const target = z.object({ articleId: serialId(), parentId: serialId().nullable() });
const bodyOf = (formData: FormData) => formText(formData, 'body');
const bodyErrors = (error: z.ZodError) => ({ fieldErrors: { body: error.issues.map((issue) => issue.message) } });

const commentAction = formActionsOf<CommentActionResult>();

/** Signed-in users with comment:create: posts a comment or a reply. Everything is checked again on the server. */
export const postCommentAction = commentAction({
  name: 'postCommentAction',
  caller: 'comment:create',
  refused: () => ({ formError: 'Sign in to comment.' }),
  echo: (formData) => ({ body: bodyOf(formData) }),
  parse: (formData) => {
    const ids = target.safeParse({ articleId: formData.get('articleId'), parentId: formData.get('parentId') || null });
    if (!ids.success) return reject({ formError: 'This comment could not be posted.' });
    const body = commentBodySchema.safeParse(bodyOf(formData));
    return body.success ? accept({ ...ids.data, body: body.data }) : reject(bodyErrors(body.error));
  },
  run: (viewer, input) => createComment(viewer, input),
  refusals: [refusal(CommentRefusedError, (error) => ({ formError: refusalMessage(error) }))],
  done: (result, { articleId }, formData) => {
    // The writer reads their own write at once. A held comment changes nothing public (no cached entry is touched), but
    // the writer's own page must show it in place, marked as awaiting moderation: re-render it for them alone.
    if (result.status === 'published') updateTag(cacheTags.comments(articleId));
    else refresh();
    returnWithoutScript(formData, result.id);
    return { ok: true, status: result.status, commentId: result.id };
  },
});

/** The author only, within 15 minutes: replaces a comment's text (checked again in the data layer's WHERE clause). */
export const editCommentAction = commentAction({
  name: 'editCommentAction',
  caller: 'comment:create',
  refused: () => ({ formError: 'Sign in to edit your comment.' }),
  echo: (formData) => ({ body: bodyOf(formData) }),
  parse: (formData) => {
    const id = commentIdSchema.safeParse(formData.get('commentId'));
    if (!id.success) return reject({ formError: 'This comment could not be edited.' });
    const body = commentBodySchema.safeParse(bodyOf(formData));
    return body.success ? accept({ id: id.data, body: body.data }) : reject(bodyErrors(body.error));
  },
  run: (viewer, { id, body }) => editOwnComment(viewer, id, body),
  refusals: [refusal(CommentRefusedError, () => ({ formError: 'You can only edit your own comments, within 15 minutes of posting.' }))],
  done: (result, { id }, formData) => {
    updateTag(cacheTags.comments(result.articleId));
    returnWithoutScript(formData, id);
    return { ok: true, status: result.status, commentId: id };
  },
});

/** The author only: deletes their comment (a soft delete; replies stay). Used as a plain form action. */
export const deleteCommentAction = plainAction({
  name: 'deleteCommentAction',
  caller: 'comment:create',
  parse: (formData) => {
    const id = commentIdSchema.safeParse(formData.get('commentId'));
    return id.success ? accept({ id: id.data, back: noScriptPath(formData, null) }) : reject(null);
  },
  run: (viewer, { id }) => deleteOwnComment(viewer, id),
  // Not theirs, or already gone: nothing changed, and the story shows the comment as it is.
  refusals: [refusal(CommentRefusedError, (_error, input: { back: string | null }) => input.back)],
  done: ({ articleId }, { back }) => {
    updateTag(cacheTags.comments(articleId));
    if (back) redirect(back);
  },
});

/** Signed-in users: likes or un-likes someone else's comment (one like per person; liking twice is refused). */
export const likeCommentAction = formActionsOf<ReactionResult>()({
  name: 'likeCommentAction',
  caller: 'comment:create',
  refused: () => ({ formError: 'Sign in to like comments.' }),
  parse: (formData) => {
    const parsed = commentLikeSchema.safeParse({ commentId: formData.get('commentId'), intent: formData.get('intent') });
    return parsed.success ? accept(parsed.data) : reject({ formError: 'That did not work. Please reload the page.' });
  },
  run: (viewer, { commentId, intent }) => (intent === 'like' ? likeComment(viewer, commentId) : unlikeComment(viewer, commentId)),
  refusals: [refusal(CommentRefusedError, (error) => ({ formError: REFUSALS[error.reason] }))],
  done: (result, { commentId, intent }, formData) => {
    updateTag(cacheTags.comments(result.articleId));
    returnWithoutScript(formData, commentId);
    return { ok: true, likeCount: result.likeCount, liked: intent === 'like' };
  },
});

/** Signed-in users: reports someone else's comment to the moderators with a reason (once per comment); the note comes back in `values`. */
export const reportCommentAction = formAction({
  name: 'reportCommentAction',
  caller: 'comment:create',
  refused: () => ({ formError: 'Sign in to report a comment.' }),
  echo: (formData) => ({ values: { note: formText(formData, 'note') } }),
  parse: (formData) => {
    const parsed = commentReportSchema.safeParse({ commentId: formData.get('commentId'), reason: formData.get('reason') ?? undefined, note: formText(formData, 'note') });
    if (parsed.success) return accept(parsed.data);
    const fields = z.flattenError(parsed.error).fieldErrors;
    return reject({ fieldErrors: { reason: fields.reason, note: fields.note }, formError: fields.commentId ? 'This comment could not be reported.' : undefined });
  },
  run: (viewer, { commentId, reason, note }) => reportComment(viewer, commentId, { reason, note }),
  refusals: [refusal(CommentRefusedError, (error) => ({ formError: REFUSALS[error.reason] }))],
  // Reports change nothing public; the moderation queue reads them fresh.
  done: () => ({ ok: true }),
});
