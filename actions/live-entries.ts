'use server';

import { updateTag } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';

import { closeLiveBlog, deleteLiveEntry, editLiveEntry, postLiveEntry, setLiveEntryFlag } from '@/data/live-entries';
import { cacheTags } from '@/lib/cache-tags';
import { InvalidInputError, NotFoundError } from '@/lib/errors';
import { formText } from '@/lib/form-data';
import type { LiveNoticeKey, LiveProblem } from '@/lib/live-blog';
import { serialId } from '@/lib/validation/common';
import { LIVE_ENTRY_FIELDS, liveEntrySchema } from '@/lib/validation/live-entries';

import { accept, formFields, plainAction, refusal, reject } from './define';

/*
 * The live-blog panel on a story's editor page (docs/adr/0026). Plain form actions: each answers with a redirect
 * back to the panel, so they work the same without JavaScript. Whoever may edit the story may write its entries:
 * the capability here, the story's ownership in the data layer's WHERE clause. Each write invalidates the article's
 * tag (the cached page follows at once) and notifies readers' live streams from its transaction.
 */

const panel = (articleId: number, query: string) => `/dashboard/articles/${articleId}?${query}#live`;
const done = (articleId: number, notice: LiveNoticeKey) => {
  updateTag(cacheTags.article(articleId));
  redirect(panel(articleId, `live=${notice}`));
};
const problem = (articleId: number, code: LiveProblem) => panel(articleId, `live-problem=${code}`);

const ids = z.object({ articleId: serialId(), entryId: serialId() });
const articleOnly = z.object({ articleId: serialId() });

/** Where a refusal goes: back to the panel when the form named its story, else the dashboard's list of stories. */
function articleOf(formData: FormData): number | null {
  const parsed = articleOnly.safeParse({ articleId: formText(formData, 'articleId') });
  return parsed.success ? parsed.data.articleId : null;
}

const entryRefusals = [
  refusal(InvalidInputError, (error, input: { articleId: number }) => problem(input.articleId, error.field === 'imageId' ? 'picture' : error.field === 'body' ? 'closed' : 'entry')),
  refusal(NotFoundError, () => '/dashboard/articles?notice=missing'),
];

function parseEntry(formData: FormData) {
  const articleId = articleOf(formData);
  if (articleId === null) return reject('/dashboard/articles');
  const entry = liveEntrySchema.safeParse(formFields(formData, LIVE_ENTRY_FIELDS));
  return entry.success ? accept({ articleId, entry: entry.data }) : reject(problem(articleId, 'entry'));
}

export const postLiveEntryAction = plainAction({
  name: 'postLiveEntryAction',
  caller: 'article:write',
  parse: parseEntry,
  run: (viewer, { articleId, entry }) => postLiveEntry(viewer, articleId, entry),
  refusals: entryRefusals,
  done: ({ articleId }) => done(articleId, 'posted'),
});

export const editLiveEntryAction = plainAction({
  name: 'editLiveEntryAction',
  caller: 'article:write',
  parse: (formData) => {
    const parsed = parseEntry(formData);
    if (!parsed.ok) return parsed;
    const entryId = serialId().safeParse(formText(formData, 'entryId'));
    return entryId.success ? accept({ ...parsed.input, entryId: entryId.data }) : reject(problem(parsed.input.articleId, 'entry'));
  },
  run: (viewer, { entryId, entry }) => editLiveEntry(viewer, entryId, entry),
  refusals: entryRefusals,
  done: ({ articleId }) => done(articleId, 'edited'),
});

export const deleteLiveEntryAction = plainAction({
  name: 'deleteLiveEntryAction',
  caller: 'article:write',
  parse: (formData) => {
    const parsed = ids.safeParse({ articleId: formText(formData, 'articleId'), entryId: formText(formData, 'entryId') });
    return parsed.success ? accept(parsed.data) : reject('/dashboard/articles');
  },
  run: (viewer, { entryId }) => deleteLiveEntry(viewer, entryId),
  refusals: [refusal(NotFoundError, (_error, input: { articleId: number }) => panel(input.articleId, 'live=deleted'))],
  done: ({ articleId }) => done(articleId, 'deleted'),
});

const flagSchema = ids.extend({ flag: z.enum(['pinned', 'keyEvent']), value: z.enum(['on', 'off']) });

/** Pins or unpins an entry, marks or unmarks it as a key event. */
export const flagLiveEntryAction = plainAction({
  name: 'flagLiveEntryAction',
  caller: 'article:write',
  parse: (formData) => {
    const parsed = flagSchema.safeParse({ articleId: formText(formData, 'articleId'), entryId: formText(formData, 'entryId'), flag: formText(formData, 'flag'), value: formText(formData, 'value') });
    return parsed.success ? accept(parsed.data) : reject('/dashboard/articles');
  },
  run: (viewer, { entryId, flag, value }) => setLiveEntryFlag(viewer, entryId, flag, value === 'on'),
  refusals: [refusal(NotFoundError, () => '/dashboard/articles?notice=missing')],
  done: ({ articleId }) => done(articleId, 'flagged'),
});

/** Closes the live blog (it then reads as an ordinary article) or reopens it. */
export const closeLiveBlogAction = plainAction({
  name: 'closeLiveBlogAction',
  caller: 'article:write',
  parse: (formData) => {
    const parsed = articleOnly.extend({ closed: z.enum(['on', 'off']) }).safeParse({ articleId: formText(formData, 'articleId'), closed: formText(formData, 'closed') });
    return parsed.success ? accept(parsed.data) : reject('/dashboard/articles');
  },
  run: (viewer, { articleId, closed }) => closeLiveBlog(viewer, articleId, closed === 'on'),
  refusals: [refusal(NotFoundError, () => '/dashboard/articles?notice=missing')],
  done: ({ articleId }, { closed }) => done(articleId, closed === 'on' ? 'closed' : 'reopened'),
});
