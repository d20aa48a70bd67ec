'use server';

import { updateTag } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';

import { ArticleConflictError, createArticle, deleteArticle, publishArticle, restoreRevision, saveArticle, submitForReview, unpublishArticle, type ArticleTouched } from '@/data/article-editor';
import { addArticleNote } from '@/data/article-notes';
import { renderArticleBody } from '@/data/body-pictures';
import { pictureBrowsePath } from '@/lib/picture-picker';
import { authorize } from '@/data/viewer';
import { SNAPSHOT_FIELD_LABELS } from '@/lib/article-snapshot';
import { cacheTags } from '@/lib/cache-tags';
import { zonedLocalToUtc } from '@/lib/datetime';
import { env } from '@/lib/env';
import { ForbiddenError, InvalidInputError, NotFoundError } from '@/lib/errors';
import { formText } from '@/lib/form-data';
import { articleFormInput, articleIdSchema, articleNoteSchema, parseArticleForm, versionSchema } from '@/lib/validation/articles';

export type ArticleActionResult = {
  ok: boolean;
  /** The article's version after this action (the form sends it back with the next save). */
  version?: number;
  /** A published story's saved change waits for an editor to publish it. */
  isPendingPublication?: boolean;
  savedAt?: string;
  formError?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  conflict?: { changed: string[]; by: string | null; at: string; currentVersion: number };
  /** What the editor typed, given back so nothing is lost on an error. */
  values?: Record<string, string | string[]>;
};

/** Everything readers might have cached about the story: the page itself and every list it is (or was) on. */
function refreshPublicCopies(touched: ArticleTouched): void {
  updateTag(cacheTags.article(touched.id));
  updateTag(cacheTags.articles());
  for (const slug of touched.sectionSlugs) updateTag(cacheTags.section(slug));
  for (const slug of touched.tagSlugs) updateTag(cacheTags.tag(slug));
  for (const id of touched.authorIds) updateTag(cacheTags.author(id));
}

/** Known refusals become messages; anything else is a bug, logged and rethrown (the browser sees only a digest). */
function refusal(error: unknown): ArticleActionResult {
  if (error instanceof ArticleConflictError) {
    return {
      ok: false,
      formError: 'Someone else saved this story after you opened it. Nothing of yours was saved.',
      conflict: { changed: error.details.changed.map((field) => SNAPSHOT_FIELD_LABELS[field]), by: error.details.by, at: error.details.at, currentVersion: error.details.currentVersion },
    };
  }
  // A workflow step (status, or a story with no byline) has no field of its own to highlight: its message is the answer.
  if (error instanceof InvalidInputError) return { ok: false, fieldErrors: { [error.field]: [error.message] }, formError: error.field === 'status' || error.field === 'authorIds' ? error.message : 'Please correct the highlighted fields.' };
  if (error instanceof ForbiddenError) return { ok: false, formError: 'You do not have permission to do that with this story.' };
  if (error instanceof NotFoundError) return { ok: false, formError: 'This story no longer exists.' };
  console.error('article action failed', error);
  throw error;
}

function echo(formData: FormData): Record<string, string | string[]> {
  const input = articleFormInput(formData);
  return { ...input, heroImageId: input.heroImageId ?? '', authorIds: input.authorIds as string[] };
}

/** Contributors, editors, admins: starts a draft and opens it in the editor. */
export async function createArticleAction(_previous: ArticleActionResult, formData: FormData): Promise<ArticleActionResult> {
  let id: number;
  try {
    const viewer = await authorize('article:write');
    const parsed = parseArticleForm(articleFormInput(formData));
    if (!parsed.success) return { ok: false, fieldErrors: parsed.fieldErrors, formError: 'Please correct the highlighted fields.', values: echo(formData) };
    ({ id } = await createArticle(viewer, parsed.data));
  } catch (error) {
    return { ...refusal(error), values: echo(formData) };
  }
  // Sent by the picture picker's Search or page button (no JavaScript): the new draft opens at that page of pictures.
  redirect(pictureBrowsePath(formData, `/dashboard/articles/${id}`, { notice: 'created' }) ?? `/dashboard/articles/${id}?notice=created`);
}

/**
 * Contributors (own unpublished stories), editors, admins: saves the editor form as a new revision (explicit Save
 * or autosave). Refused with the colleague's changes listed when the story moved on since `version`.
 */
export async function saveArticleAction(_previous: ArticleActionResult, formData: FormData): Promise<ArticleActionResult> {
  const values = echo(formData);
  let browse: string | null;
  try {
    const viewer = await authorize('article:write');
    const id = articleIdSchema.safeParse(formData.get('id'));
    const version = versionSchema.safeParse(formData.get('version'));
    if (!id.success || !version.success) return { ok: false, formError: 'This form is out of date. Please reload the page.', values };
    const parsed = parseArticleForm(articleFormInput(formData));
    if (!parsed.success) return { ok: false, fieldErrors: parsed.fieldErrors, formError: 'Please correct the highlighted fields.', values, version: version.data };
    const saved = await saveArticle(viewer, id.data, version.data, parsed.data);
    // Readers' copies change only when an editor publishes; the dashboard reads uncached.
    browse = pictureBrowsePath(formData, `/dashboard/articles/${id.data}`);
    if (!browse) return { ok: true, version: saved.version, isPendingPublication: saved.isPendingPublication, savedAt: new Date().toISOString(), values: { ...values, slug: parsed.data.slug } };
  } catch (error) {
    return { ...refusal(error), values };
  }
  // Sent by the picture picker's Search or page button (no JavaScript): saved, so the picker's page can open.
  redirect(browse);
}

const workflowIds = z.object({ id: articleIdSchema, version: versionSchema });

async function workflow(formData: FormData, run: (ids: { id: number; version: number }) => Promise<string>): Promise<ArticleActionResult> {
  const ids = workflowIds.safeParse({ id: formData.get('id'), version: formData.get('version') });
  if (!ids.success) return { ok: false, formError: 'This form is out of date. Please reload the page.' };
  let next: string;
  try {
    next = await run(ids.data);
  } catch (error) {
    return refusal(error);
  }
  redirect(next);
}

/** Contributors (own drafts), editors, admins: sends a draft to the editors for review. */
export async function submitForReviewAction(_previous: ArticleActionResult, formData: FormData): Promise<ArticleActionResult> {
  return workflow(formData, async ({ id, version }) => {
    await submitForReview(await authorize('article:write'), id, version);
    return `/dashboard/articles/${id}?notice=submitted`;
  });
}

/**
 * Editors, admins: publishes the latest saved text now or at an exact minute (in SITE_TIMEZONE), with an optional
 * unpublish time, and refreshes every public copy at once.
 */
export async function publishArticleAction(_previous: ArticleActionResult, formData: FormData): Promise<ArticleActionResult> {
  const zone = env().SITE_TIMEZONE;
  const when = formText(formData, 'when');
  const publishText = formText(formData, 'publishAt').trim();
  const unpublishText = formText(formData, 'unpublishAt').trim();
  const publishAt = when === 'schedule' ? zonedLocalToUtc(publishText, zone) : null;
  const unpublishAt = unpublishText ? zonedLocalToUtc(unpublishText, zone) : null;
  const fieldErrors: Record<string, string[]> = {};
  if (when === 'schedule' && !publishAt) fieldErrors.publishAt = ['Give the date and time to publish at.'];
  if (unpublishText && !unpublishAt) fieldErrors.unpublishAt = ['That is not a valid date and time.'];
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors, formError: 'Please correct the highlighted fields.' };
  return workflow(formData, async ({ id, version }) => {
    const touched = await publishArticle(await authorize('article:publish'), id, version, { publishAt, unpublishAt });
    refreshPublicCopies(touched);
    return `/dashboard/articles/${id}?notice=${touched.publishedAt > new Date() ? 'scheduled' : 'published'}`;
  });
}

/** Editors, admins: takes a story off the site at once. */
export async function unpublishArticleAction(_previous: ArticleActionResult, formData: FormData): Promise<ArticleActionResult> {
  return workflow(formData, async ({ id, version }) => {
    refreshPublicCopies(await unpublishArticle(await authorize('article:publish'), id, version));
    return `/dashboard/articles/${id}?notice=unpublished`;
  });
}

/** Editors, admins: deletes a story for good, after an explicit confirmation. */
export async function deleteArticleAction(_previous: ArticleActionResult, formData: FormData): Promise<ArticleActionResult> {
  if (formData.get('confirm') !== 'yes') return { ok: false, fieldErrors: { confirm: ['Tick the box to confirm.'] }, formError: 'Nothing was deleted.' };
  return workflow(formData, async ({ id }) => {
    refreshPublicCopies(await deleteArticle(await authorize('article:publish'), id));
    return '/dashboard/articles?notice=deleted';
  });
}

/** Contributors (own unpublished stories), editors, admins: makes an old revision the latest one. */
export async function restoreRevisionAction(_previous: ArticleActionResult, formData: FormData): Promise<ArticleActionResult> {
  const revisionId = articleIdSchema.safeParse(formData.get('revisionId'));
  if (!revisionId.success) return { ok: false, formError: 'Choose a revision to restore.' };
  return workflow(formData, async ({ id, version }) => {
    await restoreRevision(await authorize('article:write'), id, revisionId.data, version);
    return `/dashboard/articles/${id}?notice=restored`;
  });
}

/**
 * Editors, admins: adds a correction, clarification or update to a published story. Readers see it at once, unless
 * the story has saved changes not yet published: then it waits and goes live with them (docs/adr/0007).
 */
export async function addArticleNoteAction(_previous: ArticleActionResult, formData: FormData): Promise<ArticleActionResult> {
  const id = articleIdSchema.safeParse(formData.get('id'));
  const parsed = articleNoteSchema.safeParse({ kind: formData.get('kind') ?? undefined, body: formText(formData, 'noteBody') });
  if (!id.success) return { ok: false, formError: 'This form is out of date. Please reload the page.' };
  if (!parsed.success) {
    const fields = z.flattenError(parsed.error).fieldErrors;
    return { ok: false, fieldErrors: { kind: fields.kind, noteBody: fields.body }, values: { noteBody: formText(formData, 'noteBody') } };
  }
  let staged: boolean;
  try {
    ({ staged } = await addArticleNote(await authorize('article:publish'), id.data, parsed.data));
  } catch (error) {
    return { ...refusal(error), values: { noteBody: parsed.data.body } };
  }
  // Also for a staged note: readers' next copy is made afresh from the database, which leaves it out.
  updateTag(cacheTags.article(id.data));
  redirect(`/dashboard/articles/${id.data}?notice=${staged ? 'note-staged' : 'noted'}`);
}

/** Contributors, editors, admins: the body rendered by the public page's own Markdown pipeline (live preview). */
export async function previewMarkdownAction(markdown: string): Promise<{ html: string }> {
  await authorize('article:write');
  const body = z.string().max(100_000).safeParse(markdown);
  return { html: body.success ? await renderArticleBody(body.data) : '' };
}
