'use server';

import { updateTag } from 'next/cache';
import { z } from 'zod';

import { CommentRefusedError, createComment, deleteOwnComment, editOwnComment } from '@/data/comments';
import { getViewer } from '@/data/viewer';
import { cacheTags } from '@/lib/cache-tags';
import { commentBodySchema } from '@/lib/comment-text';
import { formText } from '@/lib/form-data';
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
  'bad-parent': 'The comment you replied to is no longer available.',
  'not-allowed': 'Your account cannot post comments.',
};

const target = z.object({ articleId: z.coerce.number().int().positive(), parentId: z.coerce.number().int().positive().nullable() });

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
    if (error instanceof CommentRefusedError) return { ok: false, formError: REFUSALS[error.reason], body };
    throw error;
  }
  // The writer reads their own write at once; a held comment changes nothing public.
  if (result.status === 'published') updateTag(cacheTags.comments(ids.data.articleId));
  return { ok: true, status: result.status, commentId: result.id };
}

const commentId = z.coerce.number().int().positive();

/** The author only, within 15 minutes: replaces a comment's text (checked again in the data layer's WHERE clause). */
export async function editCommentAction(_previous: CommentActionResult, formData: FormData): Promise<CommentActionResult> {
  const body = formText(formData, 'body');
  const viewer = await getViewer();
  if (!viewer || !can(viewer, 'comment:create')) return { ok: false, formError: 'Sign in to edit your comment.', body };
  const id = commentId.safeParse(formData.get('commentId'));
  if (!id.success) return { ok: false, formError: 'This comment could not be edited.', body };
  const parsed = commentBodySchema.safeParse(body);
  if (!parsed.success) return { ok: false, fieldErrors: { body: parsed.error.issues.map((issue) => issue.message) }, body };
  try {
    const result = await editOwnComment(viewer, id.data, parsed.data);
    updateTag(cacheTags.comments(result.articleId));
    return { ok: true, status: result.status, commentId: id.data };
  } catch (error) {
    if (error instanceof CommentRefusedError) return { ok: false, formError: 'You can only edit your own comments, within 15 minutes of posting.', body };
    throw error;
  }
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
}
