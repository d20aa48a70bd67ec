import { getPublicArticle } from '@/data/articles';
import { listLiveEntriesForFeed } from '@/data/live-entries';
import { env } from '@/lib/env';
import { buildRss } from '@/lib/feed';
import { liveEntryAnchor } from '@/lib/live-blog';
import { absoluteUrl } from '@/lib/share';
import { xmlResponse } from '@/lib/xml';

/** RSS of a live blog's entries, newest first (docs/adr/0026); only live blogs have a feed of their own. */
export async function GET(_request: Request, { params }: { params: Promise<{ section: string; slug: string }> }) {
  const { section, slug } = await params;
  const article = await getPublicArticle(slug);
  if (!article || article.format !== 'live' || article.section.slug !== section) return new Response('Not found', { status: 404 });
  const entries = await listLiveEntriesForFeed(article.id);
  const { SITE_URL, SITE_NAME } = env();
  const path = `/${article.section.slug}/${article.slug}`;
  return xmlResponse(
    buildRss({
      title: `${article.headline} | ${SITE_NAME}`,
      link: absoluteUrl(SITE_URL, path),
      self: absoluteUrl(SITE_URL, `${path}/feed.xml`),
      description: article.dek || article.headline,
      items: entries.map((entry) => ({
        title: entry.title,
        url: absoluteUrl(SITE_URL, `${path}#${liveEntryAnchor(entry.id)}`),
        description: entry.text,
        publishedAt: entry.postedAt,
        authors: entry.authorName ? [entry.authorName] : [],
        categories: [article.section.name],
      })),
    }),
  );
}
