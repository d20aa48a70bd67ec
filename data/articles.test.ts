import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createFactory, daysAgo, inDays } from '@/test/factories';
import { recorded, resetRecorded } from '@/test/stubs/next-cache';

import { getArticleRedirect, getPublicArticle } from './articles';
import { getFrontPage, listAuthorArticles, listSectionArticles, listTagArticles, PAGE_SIZE } from './lists';

let factory: ReturnType<typeof createFactory>;
beforeEach(() => {
  factory = createFactory();
  resetRecorded();
});
afterEach(async () => {
  await factory.cleanUp();
});

describe('getPublicArticle', () => {
  it('returns the rendered story with byline, tags and reading time, tagged for invalidation', async () => {
    const section = await factory.section('Politics');
    const tag = await factory.tag('Elections');
    const author = await factory.author('Ada Marsh');
    const story = await factory.article({
      sectionId: section.id,
      headline: 'Vote called',
      body: '## Why\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) ' + 'word '.repeat(460),
      tagIds: [tag.id],
      authorIds: [author.id],
    });
    const article = await getPublicArticle(story.slug);
    expect(article).toMatchObject({ id: story.id, headline: 'Vote called', section: { slug: section.slug }, readingMinutes: 2, isOld: false, updatedAt: null });
    expect(article!.authors).toEqual([{ name: 'Ada Marsh', slug: author.slug, jobTitle: '' }]);
    expect(article!.tags).toEqual([{ name: 'Elections', slug: tag.slug }]);
    expect(article!.bodyHtml).toContain('<h2>Why</h2>');
    expect(article!.bodyHtml).not.toMatch(/<script|javascript:/);
    expect(recorded.tags).toEqual(expect.arrayContaining([`article:${story.id}`, `section:${section.slug}`, `author:${author.id}`]));
  });

  it('hides drafts, stories in review, scheduled and expired stories', async () => {
    const section = await factory.section();
    const hidden = [
      await factory.article({ sectionId: section.id, status: 'draft', publishedAt: null }),
      await factory.article({ sectionId: section.id, status: 'in_review', publishedAt: null }),
      await factory.article({ sectionId: section.id, publishedAt: inDays(1) }),
      await factory.article({ sectionId: section.id, publishedAt: daysAgo(3), unpublishAt: daysAgo(1) }),
    ];
    for (const story of hidden) expect(await getPublicArticle(story.slug)).toBeNull();
  });

  it('shows a story from the minute it is due, with no cron and no restart', async () => {
    const section = await factory.section();
    const story = await factory.article({ sectionId: section.id, publishedAt: new Date(Date.now() + 1500) });
    expect(await getPublicArticle(story.slug)).toBeNull();
    // The cached "not found" must end by then.
    const life = recorded.lives.at(-1) as { expire: number };
    expect(life.expire).toBeLessThanOrEqual(2);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect(await getPublicArticle(story.slug)).not.toBeNull();
  });

  it('flags a story older than a year and marks a real update', async () => {
    const section = await factory.section();
    const story = await factory.article({ sectionId: section.id, publishedAt: daysAgo(400) });
    expect((await getPublicArticle(story.slug))!.isOld).toBe(true);
  });

  it('refuses malformed slugs without a query', async () => {
    expect(await getPublicArticle("x' or 1=1 --")).toBeNull();
    expect(await getPublicArticle('../../etc/passwd')).toBeNull();
  });
});

describe('getArticleRedirect', () => {
  it('maps an old slug to the current address of a public story only', async () => {
    const section = await factory.section();
    const story = await factory.article({ sectionId: section.id });
    const draft = await factory.article({ sectionId: section.id, status: 'draft', publishedAt: null });
    await factory.oldSlug(story.id, `old-${story.slug}`);
    await factory.oldSlug(draft.id, `old-${draft.slug}`);
    expect(await getArticleRedirect(`old-${story.slug}`)).toEqual({ sectionSlug: section.slug, slug: story.slug });
    expect(await getArticleRedirect(`old-${draft.slug}`)).toBeNull();
    expect(await getArticleRedirect('never-existed')).toBeNull();
  });
});

describe('lists', () => {
  it('pages a section newest first and counts only public stories', async () => {
    const section = await factory.section();
    for (let i = 0; i < PAGE_SIZE + 3; i += 1) await factory.article({ sectionId: section.id, headline: `Item ${i}`, publishedAt: daysAgo(i + 1) });
    await factory.article({ sectionId: section.id, publishedAt: inDays(2) });
    const first = await listSectionArticles(section.id, section.slug, 1);
    const second = await listSectionArticles(section.id, section.slug, 2);
    expect(first).toMatchObject({ page: 1, pageCount: 2, total: PAGE_SIZE + 3 });
    expect(first.items[0]!.headline).toBe('Item 0');
    expect(second.items.map((card) => card.headline)).toEqual([`Item ${PAGE_SIZE}`, `Item ${PAGE_SIZE + 1}`, `Item ${PAGE_SIZE + 2}`]);
    expect(recorded.tags).toEqual(expect.arrayContaining(['articles', `section:${section.slug}`]));
  });

  it('lists a tag and an author', async () => {
    const section = await factory.section();
    const tag = await factory.tag();
    const author = await factory.author();
    const tagged = await factory.article({ sectionId: section.id, tagIds: [tag.id], authorIds: [author.id] });
    await factory.article({ sectionId: section.id });
    expect((await listTagArticles(tag.id, tag.slug, 1)).items.map((card) => card.id)).toEqual([tagged.id]);
    const byAuthor = await listAuthorArticles(author.id, 1);
    expect(byAuthor.items.map((card) => card.id)).toEqual([tagged.id]);
    expect(byAuthor.items[0]!.authors).toEqual([{ name: author.name, slug: author.slug }]);
  });

  it('ends list lifetimes when the next scheduled story falls due', async () => {
    const section = await factory.section();
    await factory.article({ sectionId: section.id, publishedAt: new Date(Date.now() + 90_000) });
    await listSectionArticles(section.id, section.slug, 1);
    const life = recorded.lives.at(-1) as { expire: number; revalidate: number };
    expect(life.expire).toBeLessThanOrEqual(90);
    expect(life.revalidate).toBeLessThanOrEqual(90);
  });

  it('builds a front page with no story shown twice', async () => {
    const section = await factory.section();
    for (let i = 0; i < 8; i += 1) await factory.article({ sectionId: section.id, publishedAt: daysAgo(i) });
    const front = await getFrontPage();
    const shown = [front.lead, ...front.top, ...front.rails.flatMap((rail) => rail.articles), ...front.latest].filter(Boolean).map((card) => card!.id);
    expect(new Set(shown).size).toBe(shown.length);
    expect(front.rails.find((rail) => rail.section.slug === section.slug)?.articles.length).toBeGreaterThan(0);
  });
});
