import { listFeedEntries } from '@/data/feeds';
import { getAuthor } from '@/data/taxonomy';
import { env } from '@/lib/env';
import { renderSiteFeed } from '@/lib/site-feed';
import { xmlResponse } from '@/lib/xml';

/** RSS of an author's latest 50 stories. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const author = await getAuthor((await params).slug);
  if (!author) return new Response('Not found', { status: 404 });
  const entries = await listFeedEntries({ kind: 'author', id: author.id });
  const { SITE_URL, SITE_NAME } = env();
  return xmlResponse(
    renderSiteFeed({ siteUrl: SITE_URL, siteName: SITE_NAME, title: author.name, description: `Stories by ${author.name}.`, path: `/author/${author.slug}`, entries }),
  );
}
