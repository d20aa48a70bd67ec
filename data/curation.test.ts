import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { auditLog, breakingNews } from '@/db/schema';
import { ForbiddenError, FrontFullError, NotFoundError } from '@/lib/errors';
import { createFactory, daysAgo, inDays } from '@/test/factories';
import { editorAndStories } from '@/test/scenes';
import { recorded, resetRecorded } from '@/test/stubs/next-cache';

import { listAuditLog } from './audit';
import { getBreakingNews, liftBreakingNews, listBreakingNews, startBreakingNews } from './breaking-news';
import { getNextScheduledChange } from './cache-life';
import { FRONT_PAGE_PINS, listPinCandidates, listPlacements, movePin, pinStory, unpinStory } from './curation';
import { getFrontPage, listSectionArticles } from './lists';

let factory: ReturnType<typeof createFactory>;

beforeEach(() => {
  factory = createFactory();
  resetRecorded();
});

afterEach(async () => {
  // Placements go with their stories (cascade); the banners are this test database's own (one per run).
  await getDb().delete(breakingNews);
  await factory.cleanUp();
});


describe('the front page', () => {
  it('leads with the pinned stories in order, however old, and fills the rest by time', async () => {
    const { editor, stories } = await editorAndStories(factory, 3);
    const [old, older, oldest] = stories;
    await pinStory(editor, { front: null, articleId: older!.id });
    await pinStory(editor, { front: null, articleId: oldest!.id });
    // "Make lead": position 0 pushes the others down.
    await pinStory(editor, { front: null, articleId: old!.id, position: 0 });

    const front = await getFrontPage();
    expect(front.lead?.id).toBe(old!.id);
    expect(front.top.slice(0, 2).map((card) => card.id)).toEqual([older!.id, oldest!.id]);
    const shown = [front.lead, ...front.top, ...front.rails.flatMap((rail) => rail.articles), ...front.latest].map((card) => card!.id);
    expect(new Set(shown).size).toBe(shown.length);
    expect(recorded.tags).toContain('front-page');

    await movePin(editor, { front: null, articleId: oldest!.id, direction: 'up' });
    expect((await listPlacements(editor, null)).map((placement) => placement.articleId)).toEqual([old!.id, oldest!.id, older!.id]);
    await unpinStory(editor, { front: null, articleId: old!.id });
    const after = await getFrontPage();
    expect(after.lead?.id).toBe(oldest!.id);
    expect((await listPlacements(editor, null)).map((placement) => placement.position)).toEqual([0, 1]);

    const entries = await getDb().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subject, 'front:home'));
    expect(entries.map((entry) => entry.action)).toEqual(expect.arrayContaining(['front.pin', 'front.move', 'front.unpin']));
    // The audit log names the front and the story in words.
    const admin = await factory.user('admin');
    const log = await listAuditLog(admin, { actorId: editor.id, kind: 'desk' });
    expect(log.items[0]).toMatchObject({ action: 'front.unpin', subject: { label: 'the front page', href: '/dashboard/front' } });
  });

  it('shows a pinned story only while readers may see it (a scheduled one takes the lead at its minute)', async () => {
    const { editor, section } = await editorAndStories(factory, 0);
    const scheduled = await factory.article({ sectionId: section.id, publishedAt: new Date(Date.now() + 1500) });
    const draft = await factory.article({ sectionId: section.id, status: 'draft', publishedAt: null });
    await factory.article({ sectionId: section.id, publishedAt: daysAgo(1) });
    await pinStory(editor, { front: null, articleId: scheduled.id });
    await pinStory(editor, { front: null, articleId: draft.id });

    const before = await getFrontPage();
    expect([before.lead, ...before.top].map((card) => card?.id)).not.toContain(scheduled.id);
    expect([before.lead, ...before.top].map((card) => card?.id)).not.toContain(draft.id);
    const placements = await listPlacements(editor, null);
    expect(placements.map((placement) => placement.isPublic)).toEqual([false, false]);

    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect((await getFrontPage()).lead?.id).toBe(scheduled.id);
  });

  it(`holds ${FRONT_PAGE_PINS} pinned stories at most, and only editors arrange it`, async () => {
    const { editor, stories } = await editorAndStories(factory, FRONT_PAGE_PINS + 1);
    for (const story of stories.slice(0, FRONT_PAGE_PINS)) await pinStory(editor, { front: null, articleId: story.id });
    await expect(pinStory(editor, { front: null, articleId: stories.at(-1)!.id })).rejects.toBeInstanceOf(FrontFullError);
    // Pinning one already there moves it instead.
    await pinStory(editor, { front: null, articleId: stories[3]!.id, position: 0 });
    expect((await listPlacements(editor, null))[0]!.articleId).toBe(stories[3]!.id);

    const contributor = await factory.user('contributor');
    await expect(pinStory(contributor, { front: null, articleId: stories[0]!.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listPlacements(contributor, null)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(pinStory(editor, { front: null, articleId: 2_000_000_000 })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lets two editors pinning at once take turns: never over the limit, never a duplicate', async () => {
    const { editor, stories } = await editorAndStories(factory, FRONT_PAGE_PINS + 1);
    const other = await factory.user('editor');
    // The same story from two desks on an empty front: one pins it, the other finds it there.
    const same = await Promise.allSettled([pinStory(editor, { front: null, articleId: stories[0]!.id }), pinStory(other, { front: null, articleId: stories[0]!.id })]);
    expect(same.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled']);
    for (const story of stories.slice(1, FRONT_PAGE_PINS - 1)) await pinStory(editor, { front: null, articleId: story.id });
    // One place left, two stories: one gets it.
    const race = await Promise.allSettled([
      pinStory(editor, { front: null, articleId: stories[FRONT_PAGE_PINS - 1]!.id }),
      pinStory(other, { front: null, articleId: stories[FRONT_PAGE_PINS]!.id }),
    ]);
    expect(race.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(race.find((result) => result.status === 'rejected')).toMatchObject({ reason: expect.any(FrontFullError) });
    expect((await listPlacements(editor, null)).map((placement) => placement.position)).toEqual([0, 1, 2, 3, 4]);
  });

  it('offers published, unpinned stories to pin, matching the headline', async () => {
    const { editor, section } = await editorAndStories(factory, 0);
    const match = await factory.article({ sectionId: section.id, headline: 'Harbour 50%_ rebuild approved' });
    await factory.article({ sectionId: section.id, headline: 'Harbour draft', status: 'draft', publishedAt: null });
    await factory.article({ sectionId: section.id, headline: 'Harbour expired', publishedAt: daysAgo(3), unpublishAt: daysAgo(1) });
    const found = await listPinCandidates(editor, { front: section.id, query: 'harbour' });
    expect(found.map((story) => story.id)).toEqual([match.id]);
    // LIKE wildcards are matched literally.
    expect(await listPinCandidates(editor, { front: section.id, query: '50%_' })).toHaveLength(1);
    expect(await listPinCandidates(editor, { front: section.id, query: '5_%' })).toHaveLength(0);
    await pinStory(editor, { front: section.id, articleId: match.id });
    expect(await listPinCandidates(editor, { front: section.id, query: 'harbour' })).toEqual([]);
  });
});

describe('a section front', () => {
  it('opens page 1 with its featured stories, never shows them twice, and leads its rail on the front page', async () => {
    const { editor, section, stories } = await editorAndStories(factory, 4, { publishedAt: (i) => daysAgo(40 + i) });
    const featured = stories.at(-1)!;
    await pinStory(editor, { front: section.id, articleId: featured.id });

    const page = await listSectionArticles(section.id, section.slug, 1);
    expect(page.featured.map((card) => card.id)).toEqual([featured.id]);
    expect(page.items.map((card) => card.id)).not.toContain(featured.id);
    expect(page.total).toBe(3);
    expect((await listSectionArticles(section.id, section.slug, 2)).featured).toEqual([]);

    // Newer stories elsewhere take the lead and the top stories, so the featured one is left for its rail.
    const news = await factory.section('News');
    for (let i = 0; i < 5; i += 1) await factory.article({ sectionId: news.id, publishedAt: daysAgo(1 + i) });
    const rail = (await getFrontPage()).rails.find((candidate) => candidate.section.slug === section.slug);
    expect(rail?.articles[0]?.id).toBe(featured.id);
  });

  it('features only the section’s own stories', async () => {
    const { editor, section } = await editorAndStories(factory, 0);
    const elsewhere = await factory.section('Sport');
    const story = await factory.article({ sectionId: elsewhere.id });
    await expect(pinStory(editor, { front: section.id, articleId: story.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(pinStory(editor, { front: 2_000_000_000, articleId: story.id })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('breaking news', () => {
  it('shows one banner at a time, links to its story while public, and comes down when lifted', async () => {
    const { editor, stories } = await editorAndStories(factory, 1);
    expect(await getBreakingNews()).toBeNull();
    const first = await startBreakingNews(editor, { headline: 'Polls close', articleId: null, expiresAt: null });
    expect(await getBreakingNews()).toEqual({ headline: 'Polls close', href: null });
    expect(recorded.tags).toEqual(expect.arrayContaining(['breaking', 'articles']));

    const second = await startBreakingNews(editor, { headline: 'Results declared', articleId: stories[0]!.id, expiresAt: inDays(1) });
    const story = stories[0]!;
    expect(await getBreakingNews()).toMatchObject({ headline: 'Results declared', href: expect.stringMatching(new RegExp(`/${story.slug}$`)) });
    const listed = await listBreakingNews(editor);
    expect(listed.filter((banner) => banner.isLive).map((banner) => banner.id)).toEqual([second.id]);
    expect(listed.find((banner) => banner.id === first.id)?.liftedAt).not.toBeNull();

    await liftBreakingNews(editor, second.id);
    expect(await getBreakingNews()).toBeNull();
    const admin = await factory.user('admin');
    const log = await listAuditLog(admin, { actorId: editor.id });
    expect(log.items[0]).toMatchObject({ action: 'breaking.lift', subject: { label: 'the banner “Results declared”' } });
    await expect(liftBreakingNews(editor, second.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('runs out by itself: the banner’s expiry bounds its cache and is a scheduled change of the site', async () => {
    const { editor } = await editorAndStories(factory, 0);
    const expiresAt = new Date(Date.now() + 1500);
    await startBreakingNews(editor, { headline: 'Road closed', articleId: null, expiresAt });
    expect((await getNextScheduledChange())?.getTime()).toBeLessThanOrEqual(expiresAt.getTime());
    resetRecorded();
    expect(await getBreakingNews()).not.toBeNull();
    expect((recorded.lives.at(-1) as { expire: number }).expire).toBeLessThanOrEqual(2);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect(await getBreakingNews()).toBeNull();
  });
});
