'use server';

import { updateTag } from 'next/cache';
import { redirect } from 'next/navigation';

import { liftBreakingNews, startBreakingNews } from '@/data/breaking-news';
import { FrontFullError, movePin, pinStory, unpinStory, type FrontId } from '@/data/curation';
import { authorize } from '@/data/viewer';
import { cacheTags } from '@/lib/cache-tags';
import { NotFoundError } from '@/lib/errors';
import { formText } from '@/lib/form-data';
import { breakingSchema, liftBreakingSchema, movePinSchema, pinSchema, unpinSchema } from '@/lib/validation/curation';

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

/** Known refusals of the curation data functions; anything else is logged and rethrown. */
function refusalOf(error: unknown, where: string): CurationRefusal {
  if (error instanceof FrontFullError) return 'full';
  if (error instanceof NotFoundError) return 'gone';
  console.error(`${where} failed`, error);
  throw error;
}

/** Editors (article:publish): pins a story on a front, at a position (0: the lead) or last. */
export async function pinStoryAction(formData: FormData): Promise<void> {
  const viewer = await authorize('article:publish');
  const parsed = pinSchema.safeParse({ front: formText(formData, 'front'), articleId: formText(formData, 'articleId'), position: formText(formData, 'position') });
  if (!parsed.success) redirect(deskPath(frontOf(formData), { error: 'invalid' }));
  let outcome: Parameters<typeof deskPath>[1];
  try {
    const { sectionSlug } = await pinStory(viewer, parsed.data);
    frontChanged(sectionSlug);
    outcome = { done: 'pinned' };
  } catch (error) {
    outcome = { error: refusalOf(error, 'pinStoryAction') };
  }
  redirect(deskPath(parsed.data.front, outcome));
}

/** Editors: moves a pinned story one place up or down. */
export async function movePinAction(formData: FormData): Promise<void> {
  const viewer = await authorize('article:publish');
  const parsed = movePinSchema.safeParse({ front: formText(formData, 'front'), articleId: formText(formData, 'articleId'), direction: formText(formData, 'direction') });
  if (!parsed.success) redirect(deskPath(frontOf(formData), { error: 'invalid' }));
  let outcome: Parameters<typeof deskPath>[1];
  try {
    const { sectionSlug, moved } = await movePin(viewer, parsed.data);
    if (moved) frontChanged(sectionSlug);
    outcome = { done: 'moved' };
  } catch (error) {
    outcome = { error: refusalOf(error, 'movePinAction') };
  }
  redirect(deskPath(parsed.data.front, outcome));
}

/** Editors: takes a story off a front. */
export async function unpinStoryAction(formData: FormData): Promise<void> {
  const viewer = await authorize('article:publish');
  const parsed = unpinSchema.safeParse({ front: formText(formData, 'front'), articleId: formText(formData, 'articleId') });
  if (!parsed.success) redirect(deskPath(frontOf(formData), { error: 'invalid' }));
  let outcome: Parameters<typeof deskPath>[1];
  try {
    const { sectionSlug } = await unpinStory(viewer, parsed.data);
    frontChanged(sectionSlug);
    outcome = { done: 'unpinned' };
  } catch (error) {
    outcome = { error: refusalOf(error, 'unpinStoryAction') };
  }
  redirect(deskPath(parsed.data.front, outcome));
}

/** Editors: puts up the breaking-news banner across the site (replacing a live one). */
export async function startBreakingNewsAction(formData: FormData): Promise<void> {
  const viewer = await authorize('article:publish');
  const parsed = breakingSchema.safeParse({ headline: formText(formData, 'headline'), articleId: formText(formData, 'articleId'), duration: formText(formData, 'duration') });
  if (!parsed.success) redirect(deskPath(undefined, { error: 'breaking-invalid' }));
  const { headline, articleId, duration } = parsed.data;
  let outcome: Parameters<typeof deskPath>[1];
  try {
    await startBreakingNews(viewer, { headline, articleId, expiresAt: duration ? new Date(Date.now() + duration * 60_000) : null });
    updateTag(cacheTags.breaking());
    outcome = { done: 'breaking-started' };
  } catch (error) {
    outcome = { error: refusalOf(error, 'startBreakingNewsAction') === 'gone' ? 'breaking-gone' : 'invalid' };
  }
  redirect(deskPath(undefined, outcome));
}

/** Editors: lifts the live banner. */
export async function liftBreakingNewsAction(formData: FormData): Promise<void> {
  const viewer = await authorize('article:publish');
  const parsed = liftBreakingSchema.safeParse({ id: formText(formData, 'id') });
  if (!parsed.success) redirect(deskPath(undefined, { error: 'invalid' }));
  let outcome: Parameters<typeof deskPath>[1];
  try {
    await liftBreakingNews(viewer, parsed.data.id);
    updateTag(cacheTags.breaking());
    outcome = { done: 'breaking-lifted' };
  } catch (error) {
    outcome = { error: refusalOf(error, 'liftBreakingNewsAction') === 'gone' ? 'breaking-gone' : 'invalid' };
  }
  redirect(deskPath(undefined, outcome));
}
