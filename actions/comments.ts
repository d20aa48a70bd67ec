'use server';

import { refresh, updateTag } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';

import { CommentRefusedError, createComment, deleteOwnComment, editOwnComment, likeComment, reportComment, unlikeComment } from '@/data/comments';
import { getViewer } from '@/data/viewer';
import { cacheTags } from '@/lib/cache-tags';
import { commentBodySchema } from '@/lib/comment-text';
import { env } from '@/lib/env';
import { formText } from '@/lib/form-data';
import { formatDateTime } from '@/lib/format';
import { safeCallbackPath } from '@/lib/validation/auth';
import { commentIdSchema, commentLikeSchema, commentReportSchema } from '@/lib/validation/comments';
import { serialId } from '@/lib/validation/common';
import { can } from '@/lib/permissions';

export type CommentActionResult = {
  ok: boolean;
  status?: 'published' | 'pending';
  commentId?: number;
  formError?: string;
  fieldErrors?: { body?: string[] };
  /** What the reader typed, given back after an error so nothing is lost. */
  body?: string;
};

const REFUSALS: Record<CommentRefusedError['reason'], string> = {
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
function returnWithoutScript(formData: FormData, commentId: number | null): void {
  if (formData.get('js') === '1') return;
  const path = safeCallbackPath(formText(formData, 'returnTo')).split(/[?#]/)[0]!;
  if (path === '/') return;
  redirect(commentId ? `${path}?comment=${commentId}#comment-${commentId}` : `${path}#comments`);
}

const target = z.object({ articleId: serialId(), parentId: serialId().nullable() });

/** Signed-in users with comment:create: posts a comment or a reply. Everything is checked again on the server. */
export async function postCommentAction(_previous: CommentActionResult, formData: FormData): Promise<CommentActionResult> {
  const body = formText(formData, 'body');
  const viewer = await getViewer();
  if (!viewer || !can(viewer, 'comment:create')) return { ok: false, formError: 'Sign in to comment.', body };

  const ids = target.safeParse({ articleId: formData.get('articleId'), parentId: formData.get('parentId') || null });
  if (!ids.success) return { ok: false, formError: 'This comment could not be posted.', body };
  const parsed = commentBodySchema.safeParse(body);
  if (!parsed.success) return { ok: false, fieldErrors: { body: parsed.error.issues.map((issue) => issue.message) }, body };

  let result: Awaited<ReturnType<typeof createComment>>;
  try {
    result = await createComment(viewer, { articleId: ids.data.articleId, parentId: ids.data.parentId, body: parsed.data });
  } catch (error) {
    if (error instanceof CommentRefusedError) return { ok: false, formError: refusalMessage(error), body };
    throw error;
  }
  // The writer reads their own write at once. A held comment changes nothing public (no cached entry is touched), but
  // the writer's own page must show it in place, marked as awaiting moderation: re-render it for them alone.
  if (result.status === 'published') updateTag(cacheTags.comments(ids.data.articleId));
  else refresh();
  returnWithoutScript(formData, result.id);
  return { ok: true, status: result.status, commentId: result.id };
}

const commentId = commentIdSchema;

/** The author only, within 15 minutes: replaces a comment's text (checked again in the data layer's WHERE clause). */
export async function editCommentAction(_previous: CommentActionResult, formData: FormData): Promise<CommentActionResult> {
  const body = formText(formData, 'body');
  const viewer = await getViewer();
  if (!viewer || !can(viewer, 'comment:create')) return { ok: false, formError: 'Sign in to edit your comment.', body };
  const id = commentId.safeParse(formData.get('commentId'));
  if (!id.success) return { ok: false, formError: 'This comment could not be edited.', body };
  const parsed = commentBodySchema.safeParse(body);
  if (!parsed.success) return { ok: false, fieldErrors: { body: parsed.error.issues.map((issue) => issue.message) }, body };
  let result: Awaited<ReturnType<typeof editOwnComment>>;
  try {
    result = await editOwnComment(viewer, id.data, parsed.data);
  } catch (error) {
    if (error instanceof CommentRefusedError) return { ok: false, formError: 'You can only edit your own comments, within 15 minutes of posting.', body };
    throw error;
  }
  updateTag(cacheTags.comments(result.articleId));
  returnWithoutScript(formData, id.data);
  return { ok: true, status: result.status, commentId: id.data };
}

/** The author only: deletes their comment (a soft delete; replies stay). Used as a plain form action. */
export async function deleteCommentAction(formData: FormData): Promise<void> {
  const viewer = await getViewer();
  const id = commentId.safeParse(formData.get('commentId'));
  if (!viewer || !id.success) return;
  try {
    const { articleId } = await deleteOwnComment(viewer, id.data);
    updateTag(cacheTags.comments(articleId));
  } catch (error) {
    if (!(error instanceof CommentRefusedError)) throw error;
  }
  returnWithoutScript(formData, null);
}

export type ReactionResult = { ok: boolean; message?: string; likeCount?: number; liked?: boolean };

/** Signed-in users: likes or un-likes someone else's comment (one like per person; liking twice is refused). */
export async function likeCommentAction(_previous: ReactionResult, formData: FormData): Promise<ReactionResult> {
  const viewer = await getViewer();
  if (!viewer || !can(viewer, 'comment:create')) return { ok: false, message: 'Sign in to like comments.' };
  const parsed = commentLikeSchema.safeParse({ commentId: formData.get('commentId'), intent: formData.get('intent') });
  if (!parsed.success) return { ok: false, message: 'That did not work. Please reload the page.' };
  let result: { articleId: number; likeCount: number };
  try {
    result = parsed.data.intent === 'like' ? await likeComment(viewer, parsed.data.commentId) : await unlikeComment(viewer, parsed.data.commentId);
  } catch (error) {
    if (error instanceof CommentRefusedError) return { ok: false, message: REFUSALS[error.reason] };
    throw error;
  }
  updateTag(cacheTags.comments(result.articleId));
  returnWithoutScript(formData, parsed.data.commentId);
  return { ok: true, likeCount: result.likeCount, liked: parsed.data.intent === 'like' };
}

export type ReportResult = { ok: boolean; formError?: string; fieldErrors?: { reason?: string[]; note?: string[] }; note?: string };

/** Signed-in users: reports someone else's comment to the moderators with a reason (once per comment). */
export async function reportCommentAction(_previous: ReportResult, formData: FormData): Promise<ReportResult> {
  const note = formText(formData, 'note');
  const viewer = await getViewer();
  if (!viewer || !can(viewer, 'comment:create')) return { ok: false, formError: 'Sign in to report a comment.', note };
  const parsed = commentReportSchema.safeParse({ commentId: formData.get('commentId'), reason: formData.get('reason') ?? undefined, note });
  if (!parsed.success) {
    const fields = z.flattenError(parsed.error).fieldErrors;
    return { ok: false, fieldErrors: { reason: fields.reason, note: fields.note }, formError: fields.commentId ? 'This comment could not be reported.' : undefined, note };
  }
  try {
    await reportComment(viewer, parsed.data.commentId, { reason: parsed.data.reason, note: parsed.data.note });
  } catch (error) {
    if (error instanceof CommentRefusedError) return { ok: false, formError: REFUSALS[error.reason], note };
    throw error;
  }
  // Reports change nothing public; the moderation queue reads them fresh.
  return { ok: true };
}
