'use server';

import { redirect } from 'next/navigation';

import { ReviewRuleError, addDeskNote, assignStory, markDeskSeen, sendBackToWriter } from '@/data/article-review';
import { getViewerWith } from '@/data/viewer';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { formText } from '@/lib/form-data';
import type { ReviewProblem } from '@/lib/review';
import { articleIdSchema, versionSchema } from '@/lib/validation/articles';
import { assignSchema, deskNoteSchema, seenAtSchema, sendBackSchema } from '@/lib/validation/review';

/**
 * The review loop's forms (docs/adr/0015). Each one ends in a redirect, refusals included (`?problem=<code>`, which
 * the page shows as an alert at its top): the same page answers a plain form post without JavaScript and a client-side post
 * with it. Nothing here changes what readers see (desk notes, assignees and the seen-at time are never public, and a
 * story sent back was not public), so no cache tag is touched.
 */

const storyPath = (id: number) => `/dashboard/articles/${id}`;

/** Back to the story with the refusal, which the page shows at its top, like its notices. */
function problemPath(id: number, problem: ReviewProblem): string {
  return `${storyPath(id)}?problem=${problem}`;
}

/** Known refusals become a problem code; anything else is a bug, logged and rethrown (the browser sees a digest). */
function problemOf(error: unknown, where: string): ReviewProblem {
  if (error instanceof ReviewRuleError) return error.problem;
  if (error instanceof ForbiddenError) return 'forbidden';
  if (error instanceof NotFoundError) return 'not-found';
  console.error(`${where} failed`, error);
  throw error;
}

function storyId(formData: FormData): number {
  const id = articleIdSchema.safeParse(formData.get('id'));
  // A form without a story to come back to: the desk.
  if (!id.success) redirect('/dashboard/articles');
  return id.data;
}

/** Editors, admins: sends a story in review back to its writer with a note (required). */
export async function sendBackAction(formData: FormData): Promise<void> {
  const id = storyId(formData);
  const viewer = await getViewerWith('article:publish');
  if (!viewer) redirect(problemPath(id, 'forbidden'));
  const version = versionSchema.safeParse(formData.get('version'));
  if (!version.success) redirect(problemPath(id, 'outdated'));
  const parsed = sendBackSchema.safeParse({ note: formText(formData, 'note') });
  if (!parsed.success) redirect(problemPath(id, 'note-missing'));
  let problem: ReviewProblem | null = null;
  try {
    await sendBackToWriter(viewer, id, version.data, parsed.data.note);
  } catch (error) {
    problem = problemOf(error, 'sendBackAction');
  }
  redirect(problem ? problemPath(id, problem) : `${storyPath(id)}?notice=sent-back`);
}

/** Editors, admins: assigns a story to a member of staff, or to nobody. */
export async function assignStoryAction(formData: FormData): Promise<void> {
  const id = storyId(formData);
  const viewer = await getViewerWith('article:publish');
  if (!viewer) redirect(problemPath(id, 'forbidden'));
  const parsed = assignSchema.safeParse({ assigneeId: formText(formData, 'assigneeId') });
  if (!parsed.success) redirect(problemPath(id, 'assignee-invalid'));
  let problem: ReviewProblem | null = null;
  let notice = 'assigned';
  try {
    const result = await assignStory(viewer, id, parsed.data.assigneeId || null);
    notice = !result.changed ? 'assign-unchanged' : parsed.data.assigneeId ? 'assigned' : 'unassigned';
  } catch (error) {
    problem = problemOf(error, 'assignStoryAction');
  }
  redirect(problem ? problemPath(id, problem) : `${storyPath(id)}?notice=${notice}`);
}

/** Contributors (own stories), editors, admins: adds an internal note to a story (readers never see it). */
export async function addDeskNoteAction(formData: FormData): Promise<void> {
  const id = storyId(formData);
  const viewer = await getViewerWith('article:write');
  if (!viewer) redirect(problemPath(id, 'forbidden'));
  const parsed = deskNoteSchema.safeParse({ body: formText(formData, 'body') });
  if (!parsed.success) redirect(problemPath(id, 'desk-note-missing'));
  let problem: ReviewProblem | null = null;
  try {
    await addDeskNote(viewer, id, parsed.data.body);
  } catch (error) {
    problem = problemOf(error, 'addDeskNoteAction');
  }
  redirect(problem ? problemPath(id, problem) : `${storyPath(id)}?notice=desk-noted`);
}

/** Contributors, editors, admins: marks the home's "Published since you last looked" as seen, up to when it was shown. */
export async function markDeskSeenAction(formData: FormData): Promise<void> {
  const viewer = await getViewerWith('article:write');
  if (!viewer) redirect('/login?callbackUrl=%2Fdashboard');
  const parsed = seenAtSchema.safeParse({ shownAt: formText(formData, 'shownAt') });
  const shownAt = parsed.success && parsed.data.shownAt ? new Date(parsed.data.shownAt) : null;
  await markDeskSeen(viewer, shownAt);
  redirect('/dashboard?seen=1');
}
