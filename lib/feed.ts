import { XML_DECLARATION, xmlText } from './xml';

export type FeedItem = {
  title: string;
  url: string;
  description: string;
  publishedAt: string;
  authors: string[];
  categories: string[];
};

export type Feed = {
  title: string;
  /** The HTML page this feed mirrors. */
  link: string;
  /** The feed's own address (atom:link rel="self"). */
  self: string;
  description: string;
  items: FeedItem[];
};

/** RFC 822 dates, as RSS 2.0 wants them. */
function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

/** An RSS 2.0 document. Every piece of content is escaped; nothing is put in CDATA. */
export function buildRss(feed: Feed): string {
  const newest = feed.items[0]?.publishedAt;
  const items = feed.items.map((item) =>
    [
      '    <item>',
      `      <title>${xmlText(item.title)}</title>`,
      `      <link>${xmlText(item.url)}</link>`,
      `      <guid isPermaLink="true">${xmlText(item.url)}</guid>`,
      `      <pubDate>${rfc822(item.publishedAt)}</pubDate>`,
      ...item.authors.map((name) => `      <dc:creator>${xmlText(name)}</dc:creator>`),
      ...item.categories.map((category) => `      <category>${xmlText(category)}</category>`),
      `      <description>${xmlText(item.description)}</description>`,
      '    </item>',
    ].join('\n'),
  );
  return [
    XML_DECLARATION,
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '  <channel>',
    `    <title>${xmlText(feed.title)}</title>`,
    `    <link>${xmlText(feed.link)}</link>`,
    `    <atom:link href="${xmlText(feed.self)}" rel="self" type="application/rss+xml"/>`,
    `    <description>${xmlText(feed.description)}</description>`,
    '    <language>en-gb</language>',
    ...(newest ? [`    <lastBuildDate>${rfc822(newest)}</lastBuildDate>`] : []),
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}
