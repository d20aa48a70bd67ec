import type { FeedEntry } from '@/data/feeds';

import { buildRss } from './feed';
import { absoluteUrl } from './share';

/** Turns feed entries into RSS for the page at `path` (whose feed is `path/feed.xml`). */
export function renderSiteFeed(options: { siteUrl: string; siteName: string; title: string; description: string; path: string; entries: FeedEntry[] }): string {
  const { siteUrl } = options;
  const feedPath = options.path === '/' ? '/feed.xml' : `${options.path}/feed.xml`;
  return buildRss({
    title: options.title === options.siteName ? options.siteName : `${options.title} | ${options.siteName}`,
    link: absoluteUrl(siteUrl, options.path),
    self: absoluteUrl(siteUrl, feedPath),
    description: options.description,
    items: options.entries.map((entry) => ({
      title: entry.headline,
      url: absoluteUrl(siteUrl, `/${entry.section.slug}/${entry.slug}`),
      description: entry.dek,
      publishedAt: entry.publishedAt,
      authors: entry.authors.map((author) => author.name),
      categories: [entry.section.name, ...entry.tags],
    })),
  });
}

/** The feed address of a listing page, for autodiscovery <link> tags. */
export function feedPathFor(path: string): string {
  return path === '/' ? '/feed.xml' : `${path}/feed.xml`;
}
