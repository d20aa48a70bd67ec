'use server';

import { updateTag } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';

import { ArticleConflictError, createArticle, deleteArticle, publishArticle, restoreRevision, saveArticle, submitForReview, unpublishArticle, type ArticleTouched } from '@/data/article-editor';
import { addArticleNote } from '@/data/article-notes';
import { renderArticleBody } from '@/data/body-pictures';
import type { ActionResult } from '@/lib/action-result';
import { SNAPSHOT_FIELD_LABELS } from '@/lib/article-snapshot';
import { cacheTags } from '@/lib/cache-tags';
import { env } from '@/lib/env';
import { ForbiddenError, InvalidInputError, NotFoundError } from '@/lib/errors';
import { formText } from '@/lib/form-data';
import { pictureBrowsePath } from '@/lib/picture-picker';
import { articleFormInput, articleIdSchema, articleNoteSchema, parseArticleForm, publishSchema, versionSchema } from '@/lib/validation/articles';

import { accept, callAction, formActionsOf, refusal, reject, type Parsed } from './define';

/** The story editor's and the workflow forms' result: the version to send with the next save, and what happened. */
export type ArticleActionResult = ActionResult<
  {
    /** The article's version after this action (the form sends it back with the next save). */
    version?: number;
    /** A published story's saved change waits for an editor to publish it. */
    isPendingPublication?: boolean;
    savedAt?: string;
    conflict?: { changed: string[]; by: string | null; at: string; currentVersion: number };
  },
  // The editor's multi-selects (bylines) come back as lists, so nothing typed is lost on an error.
  string | string[]
>;

const articleAction = formActionsOf<ArticleActionResult>();

const NOT_ALLOWED = 'You do not have permission to do that with this story.';
const OUTDATED = 'This form is out of date. Please reload the page.';
const refused = () => ({ formError: NOT_ALLOWED });

/** Known refusals become messages (anything else is logged and rethrown by ./define). */
const refusals = [
  refusal(ArticleConflictError, (error) => ({
    formError: 'Someone else saved this story after you opened it. Nothing of yours was saved.',
    conflict: { changed: error.details.changed.map((field) => SNAPSHOT_FIELD_LABELS[field]), by: error.details.by, at: error.details.at, currentVersion: error.details.currentVersion },
  })),
  // A workflow step (status, or a story with no byline) has no field of its own to highlight: its message is the answer.
  refusal(InvalidInputError, (error) => ({
    fieldErrors: { [error.field]: [error.message] },
    formError: error.field === 'status' || error.field === 'authorIds' ? error.message : 'Please correct the highlighted fields.',
  })),
  refusal(ForbiddenError, refused),
  refusal(NotFoundError, () => ({ formError: 'This story no longer exists.' })),
];

/** Everything readers might have cached about the story: the page itself and every list it is (or was) on. */
function refreshPublicCopies(touched: ArticleTouched): void {
  updateTag(cacheTags.article(touched.id));
  updateTag(cacheTags.articles());
  for (const slug of touched.sectionSlugs) updateTag(cacheTags.section(slug));
  for (const slug of touched.tagSlugs) updateTag(cacheTags.tag(slug));
  for (const id of touched.authorIds) updateTag(cacheTags.author(id));
}

function echo(formData: FormData): { values: Record<string, string | string[]> } {
  const input = articleFormInput(formData);
  return { values: { ...input, heroImageId: input.heroImageId ?? '', authorIds: input.authorIds as string[] } };
}

type Answer = Omit<ArticleActionResult, 'ok'>;

function parseStoryForm(formData: FormData) {
  const parsed = parseArticleForm(articleFormInput(formData));
  return parsed.success ? accept(parsed.data) : reject({ fieldErrors: parsed.fieldErrors, formError: 'Please correct the highlighted fields.' });
}

/** Contributors, editors, admins: starts a draft and opens it in the editor. */
export const createArticleAction = articleAction({
  name: 'createArticleAction',
  caller: 'article:write',
  refused,
  echo,
  parse: parseStoryForm,
  run: (viewer, story) => createArticle(viewer, story),
  refusals,
  // Sent by the picture picker's Search or page button (no JavaScript): the new draft opens at that page of pictures.
  done: ({ id }, _story, formData) => redirect(pictureBrowsePath(formData, `/dashboard/articles/${id}`, { notice: 'created' }) ?? `/dashboard/articles/${id}?notice=created`),
});

/**
 * Contributors (own unpublished stories), editors, admins: saves the editor form as a new revision (explicit Save
 * or autosave). Refused with the colleague's changes listed when the story moved on since `version`.
 */
export const saveArticleAction = articleAction({
  name: 'saveArticleAction',
  caller: 'article:write',
  refused,
  echo,
  parse: (formData) => {
    const id = articleIdSchema.safeParse(formData.get('id'));
    const version = versionSchema.safeParse(formData.get('version'));
    if (!id.success || !version.success) return reject({ formError: OUTDATED });
    const story = parseStoryForm(formData);
    return story.ok ? accept({ id: id.data, version: version.data, story: story.input }) : reject({ ...story.answer, version: version.data });
  },
  run: (viewer, { id, version, story }) => saveArticle(viewer, id, version, story),
  refusals,
  done: (saved, { id, story }, formData) => {
    // Readers' copies change only when an editor publishes; the dashboard reads uncached.
    const browse = pictureBrowsePath(formData, `/dashboard/articles/${id}`);
    // Sent by the picture picker's Search or page button (no JavaScript): saved, so the picker's page can open.
    if (browse) redirect(browse);
    return { ok: true, version: saved.version, isPendingPublication: saved.isPendingPublication, savedAt: new Date().toISOString(), values: { ...echo(formData).values, slug: story.slug } };
  },
});

const workflowIds = z.object({ id: articleIdSchema, version: versionSchema });

/** The story and the version the workflow form was shown for. */
function parseIds(formData: FormData): Parsed<{ id: number; version: number }, Answer> {
  const ids = workflowIds.safeParse({ id: formData.get('id'), version: formData.get('version') });
  return ids.success ? accept(ids.data) : reject({ formError: OUTDATED });
}

/** Contributors (own drafts), editors, admins: sends a draft to the editors for review. */
export const submitForReviewAction = articleAction({
  name: 'submitForReviewAction',
  caller: 'article:write',
  refused,
  parse: parseIds,
  run: (viewer, { id, version }) => submitForReview(viewer, id, version),
  refusals,
  done: (_submitted, { id }) => redirect(`/dashboard/articles/${id}?notice=submitted`),
});

/**
 * Editors, admins: publishes the latest saved text now or at an exact minute (in SITE_TIMEZONE), with an optional
 * unpublish time, and refreshes every public copy at once.
 */
export const publishArticleAction = articleAction({
  name: 'publishArticleAction',
  caller: 'article:publish',
  refused,
  parse: (formData) => {
    const schedule = publishSchema(env().SITE_TIMEZONE).safeParse({ when: formText(formData, 'when'), publishAt: formText(formData, 'publishAt'), unpublishAt: formText(formData, 'unpublishAt') });
    if (!schedule.success) return reject({ fieldErrors: z.flattenError(schedule.error).fieldErrors, formError: 'Please correct the highlighted fields.' });
    const ids = parseIds(formData);
    return ids.ok ? accept({ ...ids.input, schedule: schedule.data }) : ids;
  },
  run: (viewer, { id, version, schedule }) => publishArticle(viewer, id, version, schedule),
  refusals,
  done: (touched, { id }) => {
    refreshPublicCopies(touched);
    redirect(`/dashboard/articles/${id}?notice=${touched.publishedAt > new Date() ? 'scheduled' : 'published'}`);
  },
});

/** Editors, admins: takes a story off the site at once. */
export const unpublishArticleAction = articleAction({
  name: 'unpublishArticleAction',
  caller: 'article:publish',
  refused,
  parse: parseIds,
  run: (viewer, { id, version }) => unpublishArticle(viewer, id, version),
  refusals,
  done: (touched, { id }) => {
    refreshPublicCopies(touched);
    redirect(`/dashboard/articles/${id}?notice=unpublished`);
  },
});

/** Editors, admins: deletes a story for good, after an explicit confirmation. */
export const deleteArticleAction = articleAction({
  name: 'deleteArticleAction',
  caller: 'article:publish',
  refused,
  parse: (formData) => (formData.get('confirm') === 'yes' ? parseIds(formData) : reject({ fieldErrors: { confirm: ['Tick the box to confirm.'] }, formError: 'Nothing was deleted.' })),
  run: (viewer, { id }) => deleteArticle(viewer, id),
  refusals,
  done: (touched) => {
    refreshPublicCopies(touched);
    redirect('/dashboard/articles?notice=deleted');
  },
});

/** Contributors (own unpublished stories), editors, admins: makes an old revision the latest one. */
export const restoreRevisionAction = articleAction({
  name: 'restoreRevisionAction',
  caller: 'article:write',
  refused,
  parse: (formData) => {
    const revisionId = articleIdSchema.safeParse(formData.get('revisionId'));
    if (!revisionId.success) return reject({ formError: 'Choose a revision to restore.' });
    const ids = parseIds(formData);
    return ids.ok ? accept({ ...ids.input, revisionId: revisionId.data }) : ids;
  },
  run: (viewer, { id, revisionId, version }) => restoreRevision(viewer, id, revisionId, version),
  refusals,
  done: (_restored, { id }) => redirect(`/dashboard/articles/${id}?notice=restored`),
});

/**
 * Editors, admins: adds a correction, clarification or update to a published story. Readers see it at once, unless
 * the story has saved changes not yet published: then it waits and goes live with them (docs/adr/0007).
 */
export const addArticleNoteAction = articleAction({
  name: 'addArticleNoteAction',
  caller: 'article:publish',
  refused,
  echo: (formData) => ({ values: { noteBody: formText(formData, 'noteBody') } }),
  parse: (formData) => {
    const id = articleIdSchema.safeParse(formData.get('id'));
    if (!id.success) return reject({ formError: OUTDATED });
    const note = articleNoteSchema.safeParse({ kind: formData.get('kind') ?? undefined, body: formText(formData, 'noteBody') });
    if (!note.success) {
      const fields = z.flattenError(note.error).fieldErrors;
      return reject({ fieldErrors: { kind: fields.kind, noteBody: fields.body } });
    }
    return accept({ id: id.data, note: note.data });
  },
  run: (viewer, { id, note }) => addArticleNote(viewer, id, note),
  refusals,
  done: ({ staged }, { id }) => {
    // Also for a staged note: readers' next copy is made afresh from the database, which leaves it out.
    updateTag(cacheTags.article(id));
    redirect(`/dashboard/articles/${id}?notice=${staged ? 'note-staged' : 'noted'}`);
  },
});

/** Contributors, editors, admins: the body rendered by the public page's own Markdown pipeline (live preview). */
export const previewMarkdownAction = callAction({
  name: 'previewMarkdownAction',
  caller: 'article:write',
  parse: (markdown: unknown) => {
    const body = z.string().max(100_000).safeParse(markdown);
    return body.success ? accept(body.data) : reject({ html: '' });
  },
  run: (_viewer, markdown) => renderArticleBody(markdown),
  done: (html: string) => ({ html }),
});
