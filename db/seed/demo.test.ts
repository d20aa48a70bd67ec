import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';

import { adminUrlFor, createDatabase, dropDatabase } from '../admin';
import { connect } from '../client';
import { runMigrations } from '../migrate';
import { TAGS, TOPICS } from './catalogue';
import { seedDemoContent } from './demo';
import { heroSvg } from './illustrations';
import { renderImages } from './images';
import { planDemoContent } from './plan';
import { createRandom } from './random';
import { countWords, generateStory, MAX_BODY_WORDS, MIN_BODY_WORDS } from './text';
import type { StoryFormat } from './topic';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const NOW = new Date('2026-03-10T12:34:56.789Z');
const HOUR = 3_600_000;

const formatsOf = (section: string): StoryFormat[] =>
  section === 'culture' ? ['news', 'analysis', 'opinion', 'explainer', 'review'] : ['news', 'analysis', 'opinion', 'explainer'];

describe('createRandom', () => {
  it('repeats its sequence for a seed and changes it for another', () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 20 }, () => random.next());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('keeps int() within its bounds and reaches both ends', () => {
    const random = createRandom(1);
    const values = new Set(Array.from({ length: 500 }, () => random.int(3, 6)));
    expect([...values].sort()).toEqual([3, 4, 5, 6]);
  });

  it('shuffles into a permutation and samples distinct items', () => {
    const random = createRandom(2);
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    expect(random.shuffle(items).sort()).toEqual(items);
    const sample = random.sample(items, 5);
    expect(new Set(sample).size).toBe(5);
    expect(random.sample(items, 20)).toHaveLength(items.length);
  });

  it('gives a fork a stream that does not depend on how much the parent has drawn', () => {
    const a = createRandom(3);
    const b = createRandom(3);
    b.next();
    b.next();
    expect(a.fork('x').next()).toBe(b.fork('x').next());
    expect(a.fork('x').next()).not.toBe(a.fork('y').next());
  });

  it('respects weights and probabilities', () => {
    const random = createRandom(4);
    const picks = Array.from({ length: 1000 }, () => random.weighted(['rare', 'common'], (item) => (item === 'rare' ? 1 : 9)));
    expect(picks.filter((pick) => pick === 'common').length).toBeGreaterThan(800);
    expect(Array.from({ length: 100 }, () => random.chance(0)).some(Boolean)).toBe(false);
  });
});

describe('generateStory', () => {
  it('writes a 500 to 1,500 word Markdown body with headings, a list and a quote, for every topic and format', () => {
    for (const topic of TOPICS) {
      for (const format of formatsOf(topic.section)) {
        for (let seed = 1; seed <= 5; seed++) {
          const story = generateStory(createRandom(seed * 101), topic, format);
          const label = `${topic.key}/${format}/${seed}`;
          const words = countWords(story.body);
          expect(words, label).toBeGreaterThanOrEqual(MIN_BODY_WORDS);
          expect(words, label).toBeLessThanOrEqual(MAX_BODY_WORDS);
          const headings = story.body.match(/^## \S.*$/gm) ?? [];
          expect(headings.length, label).toBeGreaterThanOrEqual(2);
          expect(headings.length, label).toBeLessThanOrEqual(4);
          expect(story.body, label).toMatch(/^(- |1\. )\S/m);
          expect(story.body, label).toMatch(/^> “.+”$/m);
          for (const text of [story.headline, story.dek, story.body, story.heroCaption]) expect(text, label).not.toMatch(/[{}]/);
          expect(story.dek.split(/[.?!]["”]?(?:\s|$)/).filter((part) => part.trim()).length, label).toBeLessThanOrEqual(2);
        }
      }
    }
  });

  it('writes the same story for the same seed and a different one for another seed', () => {
    const topic = TOPICS[0]!;
    expect(generateStory(createRandom(42), topic, 'news')).toEqual(generateStory(createRandom(42), topic, 'news'));
    expect(generateStory(createRandom(42), topic, 'news').body).not.toBe(generateStory(createRandom(43), topic, 'news').body);
  });

  it('makes stories on one topic share more vocabulary than stories on different topics', () => {
    const words = (text: string) => new Set(text.toLowerCase().match(/[a-z]{5,}/g) ?? []);
    const overlap = (a: Set<string>, b: Set<string>) => [...a].filter((word) => b.has(word)).length / Math.min(a.size, b.size);
    const budget = TOPICS.find((topic) => topic.key === 'budget')!;
    const football = TOPICS.find((topic) => topic.key === 'football')!;
    const first = words(generateStory(createRandom(1), budget, 'news').body);
    const second = words(generateStory(createRandom(2), budget, 'news').body);
    const other = words(generateStory(createRandom(3), football, 'news').body);
    expect(overlap(first, second)).toBeGreaterThan(overlap(first, other));
  });
});

describe('planDemoContent', () => {
  const plan = planDemoContent(2026, NOW);

  it('is a pure function of the seed and the clock', () => {
    expect(planDemoContent(2026, NOW)).toEqual(plan);
    const other = planDemoContent(2027, NOW);
    expect(other.articles.map((article) => article.headline)).not.toEqual(plan.articles.map((article) => article.headline));
  });

  it('writes the same stories whatever the clock says', () => {
    const later = planDemoContent(2026, new Date(NOW.getTime() + 1000 * HOUR));
    expect(later.articles.map((article) => article.body).sort()).toEqual(plan.articles.map((article) => article.body).sort());
  });

  it('runs one live blog over the last hours and keeps a closed one of more than a page, each with a pinned entry and key events', () => {
    const [running, closed] = plan.liveBlogs;
    const story = (slug: string) => plan.articles.find((article) => article.slug === slug)!;
    expect(running?.closedAt).toBeNull();
    expect(story(running!.article).format).toBe('live');
    expect(running!.entries.every((entry) => entry.postedAt <= NOW && entry.postedAt >= story(running!.article).publishedAt!)).toBe(true);
    expect(closed?.closedAt?.getTime()).toBeLessThan(NOW.getTime());
    expect(closed!.entries.length).toBeGreaterThan(21);
    for (const blog of [running!, closed!]) {
      expect(blog.entries.filter((entry) => entry.pinned)).toHaveLength(1);
      expect(blog.entries.some((entry) => entry.keyEvent)).toBe(true);
    }
  });

  it('gives every story and every old URL a unique, valid slug', () => {
    const slugs = [...plan.articles.map((article) => article.slug), ...plan.slugHistory.map((entry) => entry.slug)];
    for (const slug of slugs) {
      expect(slug).toMatch(SLUG);
      expect(slug.length).toBeLessThanOrEqual(80);
    }
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(plan.slugHistory.length).toBeGreaterThanOrEqual(8);
  });

  it('publishes 300 stories over two years, schedules 5 and keeps 5 unpublished', () => {
    const past = plan.articles.filter((article) => article.status === 'published' && article.publishedAt! <= NOW);
    const scheduled = plan.articles.filter((article) => article.status === 'published' && article.publishedAt! > NOW);
    expect(past).toHaveLength(300);
    expect(Math.min(...past.map((article) => article.publishedAt!.getTime()))).toBeGreaterThan(NOW.getTime() - 731 * 24 * HOUR);
    expect(past.filter((article) => NOW.getTime() - article.publishedAt!.getTime() < 30 * 24 * HOUR).length).toBeGreaterThan(30);
    expect(scheduled).toHaveLength(5);
    for (const article of scheduled) {
      const ahead = article.publishedAt!.getTime() - NOW.getTime();
      expect(ahead).toBeGreaterThanOrEqual(HOUR);
      expect(ahead).toBeLessThanOrEqual(5 * 24 * HOUR);
    }
    expect(plan.articles.filter((article) => article.status === 'draft')).toHaveLength(3);
    expect(plan.articles.filter((article) => article.status === 'in_review')).toHaveLength(2);
    expect(plan.articles.filter((article) => article.status !== 'published').every((article) => article.publishedAt === null)).toBe(true);
    expect(plan.articles.filter((article) => article.unpublishAt && article.unpublishAt < NOW)).toHaveLength(1);
  });

  it('keeps dates in order: created before published, updated after', () => {
    for (const article of plan.articles) {
      if (article.publishedAt) expect(article.createdAt.getTime()).toBeLessThan(article.publishedAt.getTime());
      if (article.updatedAt) {
        expect(article.updatedAt.getTime()).toBeGreaterThan(article.publishedAt!.getTime());
        expect(article.updatedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      }
    }
    const updated = plan.articles.filter((article) => article.updatedAt).length;
    expect(updated).toBeGreaterThan(20);
    expect(updated).toBeLessThan(90);
  });

  it('tags every story 2 to 5 times with a long tail of rare tags and a few common ones', () => {
    const uses = new Map<string, number>();
    for (const article of plan.articles) {
      expect(article.tags.length).toBeGreaterThanOrEqual(2);
      expect(article.tags.length).toBeLessThanOrEqual(5);
      expect(new Set(article.tags).size).toBe(article.tags.length);
      for (const tag of article.tags) uses.set(tag, (uses.get(tag) ?? 0) + 1);
    }
    expect(TAGS).toHaveLength(40);
    expect([...uses.keys()].sort()).toEqual(TAGS.map((tag) => tag.slug).sort());
    const counts = [...uses.values()];
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(3);
    expect(counts.filter((count) => count <= 5).length).toBeGreaterThanOrEqual(2);
    expect(counts.filter((count) => count >= 40).length).toBeGreaterThanOrEqual(2);
  });

  it('points editor picks at older public stories', () => {
    const bySlug = new Map(plan.articles.map((article) => [article.slug, article]));
    expect(new Set(plan.relatedPicks.map((pick) => pick.article)).size).toBe(20);
    for (const pick of plan.relatedPicks) {
      const from = bySlug.get(pick.article)!;
      const to = bySlug.get(pick.related)!;
      expect(to.status).toBe('published');
      expect(to.unpublishAt).toBeNull();
      expect(to.publishedAt!.getTime()).toBeLessThan(from.publishedAt!.getTime());
    }
  });

  it('gives every author a user under example.org and a byline', () => {
    const bylines = new Set(plan.articles.flatMap((article) => article.authors));
    expect(plan.authors).toHaveLength(12);
    for (const author of plan.authors) {
      expect(author.email).toMatch(/^[a-z]+\.[a-z-]+@example\.org$/);
      expect(bylines.has(author.slug)).toBe(true);
    }
  });
});

describe('illustrations', () => {
  it('draws the same picture for the same seed, with no text that would need a font', () => {
    expect(heroSvg(createRandom(5), 'sport')).toEqual(heroSvg(createRandom(5), 'sport'));
    expect(heroSvg(createRandom(5), 'sport').svg).not.toBe(heroSvg(createRandom(6), 'sport').svg);
    expect(heroSvg(createRandom(5), 'sport').svg).not.toContain('<text');
  });

  it('encodes identical bytes on every run', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'seed-images-'));
    try {
      const job = { fileName: 'demo-hero-0001.webp', svg: heroSvg(createRandom(9), 'climate').svg, width: 1200, height: 675, alt: '' };
      const [first] = await renderImages(dir, [job]);
      const bytes = await fs.readFile(path.join(dir, job.fileName));
      await renderImages(dir, [job]);
      expect(await fs.readFile(path.join(dir, job.fileName))).toEqual(bytes);
      expect(first).toMatchObject({ mimeType: 'image/webp', width: 1200, height: 675, byteSize: bytes.byteLength });
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('seedDemoContent', () => {
  it('fills an empty database in one go, and refuses a second time', async () => {
    const adminUrl = adminUrlFor(inject('databaseUrl'));
    const name = `newsroom_seed_${randomBytes(4).toString('hex')}`;
    const url = await createDatabase(adminUrl, name);
    const mediaDir = await fs.mkdtemp(path.join(os.tmpdir(), 'seed-media-'));
    const { sql: client, db } = connect(url, { max: 2 });
    try {
      await runMigrations(url);
      const summary = await seedDemoContent(db, { mediaDir, now: NOW });
      expect(summary).toEqual({ sections: 10, tags: 40, authors: 12, articles: 310, scheduled: 5, images: 322 });

      const [counts] = await db.execute<Record<string, string>>(sql`
        select (select count(*) from images) as images, (select count(*) from users where email like '%@example.org') as users,
               (select count(*) from article_related_picks) as picks, (select count(*) from article_slug_history) as history,
               (select count(*) from articles where status = 'published' and published_at <= ${NOW.toISOString()}
                  and (unpublish_at is null or unpublish_at > ${NOW.toISOString()})) as public,
               (select count(*) from articles where search_vector @@ plainto_tsquery('english', 'spending review')) as found`);
      expect(Number(counts!.images)).toBe(322);
      expect(Number(counts!.users)).toBe(12);
      expect(Number(counts!.picks)).toBeGreaterThanOrEqual(20);
      expect(Number(counts!.history)).toBe(10);
      expect(Number(counts!.public)).toBe(299);
      expect(Number(counts!.found)).toBeGreaterThan(0);
      const [live] = await db.execute<Record<string, string>>(sql`
        select (select count(*) from articles where format = 'live' and live_closed_at is null) as running,
               (select count(*) from articles where format = 'live' and live_closed_at is not null) as closed,
               (select count(*) from live_entries) as entries`);
      expect(live).toMatchObject({ running: '1', closed: '1' });
      expect(Number(live!.entries)).toBeGreaterThan(24);

      // Every picture with its width variants (docs/adr/0029): six for each 1200 px hero, one (160) for each 256 px avatar.
      const [variants] = await db.execute<{ made: number }>(sql`select sum(jsonb_array_length(variants))::int as made from images`);
      expect(variants!.made).toBe(310 * 6 + 12 * 1);
      const files = await fs.readdir(mediaDir);
      expect(files).toHaveLength(322 + variants!.made);
      const [row] = await db.execute<{ file_name: string; byte_size: number }>(sql`select file_name, byte_size from images order by id limit 1`);
      expect((await fs.stat(path.join(mediaDir, row!.file_name))).size).toBe(row!.byte_size);

      await expect(seedDemoContent(db, { mediaDir, now: NOW })).rejects.toThrow(/empty/);
    } finally {
      await client.end({ timeout: 5 });
      await dropDatabase(adminUrl, name);
      await fs.rm(mediaDir, { recursive: true, force: true });
    }
    // With the width variants (docs/adr/0029) the seed encodes about 2,200 WebP files: 355 s on a shared 2-core
    // machine at load 22, so the allowance is generous.
  }, 600_000);
});
