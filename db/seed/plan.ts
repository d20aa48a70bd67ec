/**
 * Plans the whole demo newspaper in memory, without touching the database or the disk: which stories exist,
 * when they were published, who wrote them, how they are tagged and linked. A pure function of (seed, now), so
 * it can be tested on its own and the writer in demo.ts only has to store it.
 *
 * Text and pictures come from forks named after the article, never from the clock: the same seed writes the
 * same stories whatever `now` is, and only their dates move.
 */
import { isValidSlug, MAX_SLUG_LENGTH, RESERVED_ARTICLE_SLUGS, slugify } from '../../lib/slug';
import type { ArticleStatus } from '../schema';
import { SECTIONS, TAGS, TOPICS, topicsOf } from './catalogue';
import { avatarJob, heroJob, type ImageJob } from './illustrations';
import { createRandom, type Random } from './random';
import { STAFF, type StaffMember } from './staff';
import { assignTags } from './tagging';
import { planLiveBlogs, type PlannedLiveBlog } from './live-blogs';
import { generateStory } from './text';
import { planDates, type ArticleDates, type Lifecycle } from './timeline';
import type { SectionSlug, StoryFormat, Topic } from './topic';

export const DEFAULT_SEED = 2026;

const COUNTS: Record<Lifecycle, number> = { past: 300, scheduled: 5, draft: 3, review: 2 };
/** Every topic gets at least this many public stories, so its tag page and related links have something. */
const MIN_STORIES_PER_TOPIC = 3;
const PICKED_ARTICLES = 20;
const SLUG_HISTORY_ENTRIES = 10;

export type PlannedAuthor = {
  slug: string;
  name: string;
  jobTitle: string;
  bio: string;
  email: string;
  userId: string;
  role: StaffMember['role'];
  createdAt: Date;
  avatar: ImageJob;
};

export type PlannedArticle = ArticleDates & {
  slug: string;
  sectionSlug: SectionSlug;
  topicKey: string;
  /** 'live': a news story made a live blog (live-blogs.ts). */
  format: StoryFormat | 'live';
  status: ArticleStatus;
  headline: string;
  dek: string;
  body: string;
  heroCaption: string;
  hero: ImageJob;
  /** Author slugs, byline order. */
  authors: string[];
  tags: string[];
};

export type DemoPlan = {
  sections: { slug: string; name: string; description: string; position: number; createdAt: Date }[];
  tags: { slug: string; name: string; description: string; createdAt: Date }[];
  authors: PlannedAuthor[];
  /** Oldest first, so serial ids follow publication order; unpublished ones last. */
  articles: PlannedArticle[];
  relatedPicks: { article: string; related: string; position: number }[];
  slugHistory: { slug: string; article: string; createdAt: Date }[];
  /** A running and a closed live blog (docs/adr/0026). */
  liveBlogs: PlannedLiveBlog[];
};

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** A version-4-shaped UUID from the seeded generator, so user ids are as repeatable as everything else. */
function seededUuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => random.int(0, 15).toString(16));
  hex[12] = '4';
  hex[16] = (8 + random.int(0, 3)).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function planAuthors(random: Random, now: Date): PlannedAuthor[] {
  return STAFF.map((member, index) => {
    const [first = '', ...rest] = member.name.toLowerCase().split(' ');
    return {
      slug: slugify(member.name),
      name: member.name,
      jobTitle: member.jobTitle,
      bio: member.bio,
      email: `${first}.${rest.join('-')}@example.org`,
      userId: seededUuid(random),
      role: member.role,
      createdAt: new Date(now.getTime() - (760 - index) * DAY),
      avatar: avatarJob(random.fork(`avatar-${index}`), index + 1, member.name),
    };
  });
}

function chooseFormat(random: Random, section: SectionSlug): StoryFormat {
  const weights: Partial<Record<StoryFormat, number>> =
    section === 'culture'
      ? { review: 45, news: 30, analysis: 10, opinion: 10, explainer: 5 }
      : section === 'sport'
        ? { news: 72, analysis: 14, opinion: 10, explainer: 4 }
        : { news: 62, analysis: 13, opinion: 12, explainer: 13 };
  return random.weighted(Object.keys(weights) as StoryFormat[], (format) => weights[format] ?? 0);
}

/** Mostly the section's own writers; the columnist takes half the opinion pieces; one story in eight is shared. */
function chooseAuthors(random: Random, section: SectionSlug, format: StoryFormat, authors: PlannedAuthor[]): string[] {
  const staff = STAFF.map((member, index) => ({ member, slug: (authors[index] as PlannedAuthor).slug }));
  const weight = ({ member }: (typeof staff)[number]) => (member.beats[0] === section ? 3 : member.beats.includes(section) ? 1 : 0);
  const beat = staff.filter((writer) => weight(writer) > 0);
  const columnist = staff.find((writer) => writer.member.isColumnist);
  const first = format === 'opinion' && columnist && random.chance(0.5) ? columnist : random.weighted(beat, weight);
  const partners = beat.filter((writer) => writer !== first);
  const isShared = format !== 'opinion' && format !== 'review' && partners.length > 0 && random.chance(0.12);
  return isShared ? [first.slug, random.pick(partners).slug] : [first.slug];
}

/**
 * The topic of each story: sections by their share, topics by their weight, then the rarest topics topped up
 * (at the expense of the most common) until each has a few stories among the first `publicCount`.
 */
function chooseTopics(random: Random, count: number, publicCount: number): Topic[] {
  const chosen = Array.from({ length: count }, () => {
    const section = random.weighted(SECTIONS, (candidate) => candidate.share).slug;
    return random.weighted(topicsOf(section), (candidate) => candidate.weight);
  });
  const storiesOf = (topic: Topic) => chosen.slice(0, publicCount).flatMap((candidate, index) => (candidate === topic ? [index] : []));
  for (const topic of TOPICS) {
    while (storiesOf(topic).length < MIN_STORIES_PER_TOPIC) {
      const busiest = TOPICS.reduce((a, b) => (storiesOf(b).length > storiesOf(a).length ? b : a));
      chosen[random.pick(storiesOf(busiest))] = topic;
    }
  }
  return chosen;
}

/** A URL-safe slug from the headline, made unique with -2, -3 ... within the 80-character limit. */
function uniqueSlug(headline: string, taken: Set<string>): string {
  const base = slugify(headline) || 'story';
  let slug = base;
  for (let n = 2; taken.has(slug) || RESERVED_ARTICLE_SLUGS.has(slug); n++) {
    const suffix = `-${n}`;
    slug = `${slugify(base, MAX_SLUG_LENGTH - suffix.length)}${suffix}`;
  }
  taken.add(slug);
  return slug;
}

export function planDemoContent(seed: number = DEFAULT_SEED, now: Date = new Date()): DemoPlan {
  const root = createRandom(seed);
  const choices = root.fork('choices');
  const created = new Date(now.getTime() - 800 * DAY);
  const authors = planAuthors(root.fork('authors'), now);

  const lifecycles = (Object.keys(COUNTS) as Lifecycle[]).flatMap((lifecycle) => Array<Lifecycle>(COUNTS[lifecycle]).fill(lifecycle));
  const dates = planDates(root.fork('dates'), now, lifecycles);
  const reviewed = new Set<string>();
  const headlines = new Set<string>();
  const taken = new Set<string>();

  const topics = chooseTopics(choices, lifecycles.length, COUNTS.past);
  const drafts = lifecycles.map((lifecycle, index) => {
    const topic = topics[index] as Topic;
    const section = topic.section;
    const format = chooseFormat(choices, section);
    // Two reviews of the same work would look like a bug, so each review gets a title not yet reviewed.
    const titles = topic.slots?.title?.filter((title) => !reviewed.has(title)) ?? [];
    const pins: Record<string, string> = format === 'review' && titles.length > 0 ? { title: choices.pick(titles) } : {};
    if (pins.title) reviewed.add(pins.title);
    const story = generateStory(root.fork(`story-${index}`), topic, format, {
      pins,
      isHeadlineTaken: (headline) => headlines.has(slugify(headline)),
    });
    headlines.add(slugify(story.headline));
    return { lifecycle, index, section, topic, format, story, authors: chooseAuthors(choices, section, format, authors) };
  });

  const tagsByDraft = assignTags(root.fork('tags'), drafts.map((draft) => draft.topic));

  const articles: PlannedArticle[] = drafts
    .map((draft) => ({ draft, date: dates[draft.index] as ArticleDates }))
    .sort((a, b) => compareDates(a.date, b.date))
    .map(({ draft, date }, position) => {
      const hero = heroJob(root.fork(`hero-${draft.index}`), position + 1, draft.section);
      return {
        ...date,
        slug: uniqueSlug(draft.story.headline, taken),
        sectionSlug: draft.section,
        topicKey: draft.topic.key,
        format: draft.format,
        status: draft.lifecycle === 'draft' ? 'draft' : draft.lifecycle === 'review' ? 'in_review' : 'published',
        headline: draft.story.headline,
        dek: draft.story.dek,
        body: draft.story.body,
        heroCaption: draft.story.heroCaption,
        hero,
        authors: draft.authors,
        tags: tagsByDraft[draft.index] ?? [],
      };
    });

  const links = root.fork('links');
  const liveBlogs = planLiveBlogs(root.fork('live'), articles, authors, now);
  return {
    sections: SECTIONS.map((section, position) => ({ slug: section.slug, name: section.name, description: section.description, position, createdAt: created })),
    tags: TAGS.map((tag) => ({ ...tag, createdAt: created })),
    authors,
    articles,
    relatedPicks: planRelatedPicks(links, articles, now),
    slugHistory: planSlugHistory(links, articles, taken, now),
    liveBlogs,
  };
}

/** Published (and scheduled) stories by date, then the unpublished ones, which have no date, by creation. */
function compareDates(a: ArticleDates, b: ArticleDates): number {
  if (a.publishedAt && b.publishedAt) return a.publishedAt.getTime() - b.publishedAt.getTime();
  if (a.publishedAt || b.publishedAt) return a.publishedAt ? -1 : 1;
  return a.createdAt.getTime() - b.createdAt.getTime();
}

function isPublic(article: PlannedArticle, now: Date): boolean {
  const due = article.status === 'published' && article.publishedAt !== null && article.publishedAt <= now;
  return due && (article.unpublishAt === null || article.unpublishAt > now);
}

/** Editors link a story to older public ones on the same topic (or, failing that, in the same section). */
function planRelatedPicks(random: Random, articles: PlannedArticle[], now: Date): DemoPlan['relatedPicks'] {
  const visible = articles.filter((article) => isPublic(article, now));
  const picks: DemoPlan['relatedPicks'] = [];
  for (const article of random.sample(visible.slice(visible.length / 2), PICKED_ARTICLES)) {
    const older = visible.filter((other) => other !== article && (other.publishedAt as Date) < (article.publishedAt as Date));
    const sameTopic = older.filter((other) => other.topicKey === article.topicKey);
    const pool = sameTopic.length > 0 ? sameTopic : older.filter((other) => other.sectionSlug === article.sectionSlug);
    random.sample(pool, random.int(1, 2)).forEach((related, position) => picks.push({ article: article.slug, related: related.slug, position }));
  }
  return picks;
}

/**
 * Earlier slugs of some public stories: a shorter first version of the headline, or the slug it had as a draft.
 * Each one also marks its story as edited after publication, which is when a slug changes.
 */
function planSlugHistory(random: Random, articles: PlannedArticle[], taken: Set<string>, now: Date): DemoPlan['slugHistory'] {
  const history: DemoPlan['slugHistory'] = [];
  for (const article of random.shuffle(articles.filter((candidate) => isPublic(candidate, now)))) {
    if (history.length >= SLUG_HISTORY_ENTRIES) break;
    const words = article.slug.split('-');
    const shorter = words.slice(0, random.int(3, 5)).join('-');
    const old = words.length > 5 && random.chance(0.6) ? shorter : `${slugify(article.slug, MAX_SLUG_LENGTH - 6)}-draft`;
    if (taken.has(old) || !isValidSlug(old)) continue;
    taken.add(old);
    const publishedAt = article.publishedAt as Date;
    const changedAt = new Date(Math.min(publishedAt.getTime() + random.int(1, 48) * HOUR, now.getTime() - HOUR));
    const createdAt = changedAt > publishedAt ? changedAt : publishedAt;
    history.push({ slug: old, article: article.slug, createdAt });
    if (!article.updatedAt || article.updatedAt < createdAt) {
      article.updatedAt = createdAt > publishedAt ? createdAt : null;
      article.version = Math.max(article.version, 2);
    }
  }
  return history;
}
