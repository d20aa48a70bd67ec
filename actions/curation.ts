'use server';

import { updateTag } from 'next/cache';
import { redirect } from 'next/navigation';

import { liftBreakingNews, startBreakingNews } from '@/data/breaking-news';
import { movePin, pinStory, unpinStory, type FrontId } from '@/data/curation';
import { cacheTags } from '@/lib/cache-tags';
import { FrontFullError, NotFoundError } from '@/lib/errors';
import { formText } from '@/lib/form-data';
import { breakingSchema, liftBreakingSchema, movePinSchema, pinSchema, unpinSchema } from '@/lib/validation/curation';

import { accept, plainAction, refusal, reject, type Parsed } from './define';

/**
 * The front-page desk (docs/adr/0013). Plain form actions: each answers with a redirect back to the desk, carrying
 * what happened (`done`) or why not (`error`), so the page says so with and without JavaScript.
 */

export type CurationOutcome = 'pinned' | 'moved' | 'unpinned' | 'breaking-started' | 'breaking-lifted';
export type CurationRefusal = 'full' | 'gone' | 'invalid' | 'breaking-invalid' | 'breaking-gone';

function deskPath(front: FrontId | undefined, outcome: { done?: CurationOutcome; error?: CurationRefusal }): string {
  const params = new URLSearchParams();
  if (front !== undefined) params.set('front', front === null ? 'home' : String(front));
  if (outcome.done) params.set('done', outcome.done);
  if (outcome.error) params.set('error', outcome.error);
  return `/dashboard/front?${params}`;
}

/** Readers see a changed front at once: the front page (whose rails show every section's features) and the section. */
function frontChanged(sectionSlug: string | null): void {
  updateTag(cacheTags.frontPage());
  if (sectionSlug) updateTag(cacheTags.section(sectionSlug));
}

/** The front a form names, when it names one validly (to send the editor back to it after a refusal). */
function frontOf(formData: FormData): FrontId | undefined {
  const parsed = pinSchema.shape.front.safeParse(formText(formData, 'front'));
  return parsed.success ? parsed.data : undefined;
}

/** A desk form that does not parse: back to the front it names, if it names one validly. */
function invalidOn(formData: FormData): Parsed<never, string> {
  return reject(deskPath(frontOf(formData), { error: 'invalid' }));
}

/** The pinning forms' refusals: back to that front, saying why. */
const pinRefusals = [
  refusal(FrontFullError, (_error, input: { front: FrontId }) => deskPath(input.front, { error: 'full' })),
  refusal(NotFoundError, (_error, input: { front: FrontId }) => deskPath(input.front, { error: 'gone' })),
];
/** The banner forms' refusal: the story (or the banner) is gone. */
const breakingRefusals = [refusal(NotFoundError, () => deskPath(undefined, { error: 'breaking-gone' }))];

/** Editors (article:publish): pins a story on a front, at a position (0: the lead) or last. */
export const pinStoryAction = plainAction({
  name: 'pinStoryAction',
  caller: 'article:publish',
  parse: (formData) => {
    const parsed = pinSchema.safeParse({ front: formText(formData, 'front'), articleId: formText(formData, 'articleId'), position: formText(formData, 'position') });
    return parsed.success ? accept(parsed.data) : invalidOn(formData);
  },
  run: (viewer, input) => pinStory(viewer, input),
  refusals: pinRefusals,
  done: ({ sectionSlug }, { front }) => {
    frontChanged(sectionSlug);
    redirect(deskPath(front, { done: 'pinned' }));
  },
});

/** Editors: moves a pinned story one place up or down. */
export const movePinAction = plainAction({
  name: 'movePinAction',
  caller: 'article:publish',
  parse: (formData) => {
    const parsed = movePinSchema.safeParse({ front: formText(formData, 'front'), articleId: formText(formData, 'articleId'), direction: formText(formData, 'direction') });
    return parsed.success ? accept(parsed.data) : invalidOn(formData);
  },
  run: (viewer, input) => movePin(viewer, input),
  refusals: pinRefusals,
  done: ({ sectionSlug, moved }, { front }) => {
    if (moved) frontChanged(sectionSlug);
    redirect(deskPath(front, { done: 'moved' }));
  },
});

/** Editors: takes a story off a front. */
export const unpinStoryAction = plainAction({
  name: 'unpinStoryAction',
  caller: 'article:publish',
  parse: (formData) => {
    const parsed = unpinSchema.safeParse({ front: formText(formData, 'front'), articleId: formText(formData, 'articleId') });
    return parsed.success ? accept(parsed.data) : invalidOn(formData);
  },
  run: (viewer, input) => unpinStory(viewer, input),
  refusals: pinRefusals,
  done: ({ sectionSlug }, { front }) => {
    frontChanged(sectionSlug);
    redirect(deskPath(front, { done: 'unpinned' }));
  },
});

/** Editors: puts up the breaking-news banner across the site (replacing a live one). */
export const startBreakingNewsAction = plainAction({
  name: 'startBreakingNewsAction',
  caller: 'article:publish',
  parse: (formData) => {
    const parsed = breakingSchema.safeParse({ headline: formText(formData, 'headline'), articleId: formText(formData, 'articleId'), duration: formText(formData, 'duration') });
    return parsed.success ? accept(parsed.data) : reject(deskPath(undefined, { error: 'breaking-invalid' }));
  },
  run: (viewer, { headline, articleId, duration }) => startBreakingNews(viewer, { headline, articleId, expiresAt: duration ? new Date(Date.now() + duration * 60_000) : null }),
  refusals: breakingRefusals,
  done: () => {
    updateTag(cacheTags.breaking());
    redirect(deskPath(undefined, { done: 'breaking-started' }));
  },
});

/** Editors: lifts the live banner. */
export const liftBreakingNewsAction = plainAction({
  name: 'liftBreakingNewsAction',
  caller: 'article:publish',
  parse: (formData) => {
    const parsed = liftBreakingSchema.safeParse({ id: formText(formData, 'id') });
    return parsed.success ? accept(parsed.data) : reject(deskPath(undefined, { error: 'invalid' }));
  },
  run: (viewer, { id }) => liftBreakingNews(viewer, id),
  refusals: breakingRefusals,
  done: () => {
    updateTag(cacheTags.breaking());
    redirect(deskPath(undefined, { done: 'breaking-lifted' }));
  },
});
