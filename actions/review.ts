'use server';

import { redirect } from 'next/navigation';

import { addDeskNote, assignStory, markDeskSeen, sendBackToWriter } from '@/data/article-review';
import { ForbiddenError, NotFoundError, ReviewRuleError } from '@/lib/errors';
import { formText } from '@/lib/form-data';
import type { ReviewProblem } from '@/lib/review';
import { articleIdSchema, versionSchema } from '@/lib/validation/articles';
import { assignSchema, deskNoteSchema, seenAtSchema, sendBackSchema } from '@/lib/validation/review';

import { accept, plainAction, refusal, reject, type Parsed } from './define';

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

/** The story a form is about; a form without one goes back to the desk. */
function storyIdOf(formData: FormData): number | null {
  const id = articleIdSchema.safeParse(formData.get('id'));
  return id.success ? id.data : null;
}

const DESK = '/dashboard/articles';

/** A caller without the capability: back to the story, which says so (the desk when the form names none). */
function refusedOn(formData: FormData): string {
  const id = storyIdOf(formData);
  return id === null ? DESK : problemPath(id, 'forbidden');
}

/** The story's id, then the rest of the form; each problem goes back to the story as its code. */
function parseStory<Input>(formData: FormData, rest: (id: number) => Parsed<Input, string>): Parsed<Input, string> {
  const id = storyIdOf(formData);
  return id === null ? reject(DESK) : rest(id);
}

/** Known refusals become a problem code on the story's page. */
const refusals = [
  refusal(ReviewRuleError, (error, input: { id: number }) => problemPath(input.id, error.problem)),
  refusal(ForbiddenError, (_error, input: { id: number }) => problemPath(input.id, 'forbidden')),
  refusal(NotFoundError, (_error, input: { id: number }) => problemPath(input.id, 'not-found')),
];

/** Editors, admins: sends a story in review back to its writer with a note (required). */
export const sendBackAction = plainAction({
  name: 'sendBackAction',
  caller: 'article:publish',
  refused: refusedOn,
  parse: (formData) =>
    parseStory(formData, (id) => {
      const version = versionSchema.safeParse(formData.get('version'));
      if (!version.success) return reject(problemPath(id, 'outdated'));
      const parsed = sendBackSchema.safeParse({ note: formText(formData, 'note') });
      return parsed.success ? accept({ id, version: version.data, note: parsed.data.note }) : reject(problemPath(id, 'note-missing'));
    }),
  run: (viewer, { id, version, note }) => sendBackToWriter(viewer, id, version, note),
  refusals,
  done: (_sent, { id }) => redirect(`${storyPath(id)}?notice=sent-back`),
});

/** Editors, admins: assigns a story to a member of staff, or to nobody. */
export const assignStoryAction = plainAction({
  name: 'assignStoryAction',
  caller: 'article:publish',
  refused: refusedOn,
  parse: (formData) =>
    parseStory(formData, (id) => {
      const parsed = assignSchema.safeParse({ assigneeId: formText(formData, 'assigneeId') });
      return parsed.success ? accept({ id, assigneeId: parsed.data.assigneeId || null }) : reject(problemPath(id, 'assignee-invalid'));
    }),
  run: (viewer, { id, assigneeId }) => assignStory(viewer, id, assigneeId),
  refusals,
  done: ({ changed }, { id, assigneeId }) => redirect(`${storyPath(id)}?notice=${!changed ? 'assign-unchanged' : assigneeId ? 'assigned' : 'unassigned'}`),
});

/** Contributors (own stories), editors, admins: adds an internal note to a story (readers never see it). */
export const addDeskNoteAction = plainAction({
  name: 'addDeskNoteAction',
  caller: 'article:write',
  refused: refusedOn,
  parse: (formData) =>
    parseStory(formData, (id) => {
      const parsed = deskNoteSchema.safeParse({ body: formText(formData, 'body') });
      return parsed.success ? accept({ id, body: parsed.data.body }) : reject(problemPath(id, 'desk-note-missing'));
    }),
  run: (viewer, { id, body }) => addDeskNote(viewer, id, body),
  refusals,
  done: (_noted, { id }) => redirect(`${storyPath(id)}?notice=desk-noted`),
});

/** Contributors, editors, admins: marks the home's "Published since you last looked" as seen, up to when it was shown. */
export const markDeskSeenAction = plainAction({
  name: 'markDeskSeenAction',
  caller: 'article:write',
  refused: () => '/login?callbackUrl=%2Fdashboard',
  // A missing or malformed time marks everything up to now as seen.
  parse: (formData) => {
    const parsed = seenAtSchema.safeParse({ shownAt: formText(formData, 'shownAt') });
    return accept(parsed.success && parsed.data.shownAt ? new Date(parsed.data.shownAt) : null);
  },
  run: (viewer, shownAt) => markDeskSeen(viewer, shownAt),
  done: () => redirect('/dashboard?seen=1'),
});
