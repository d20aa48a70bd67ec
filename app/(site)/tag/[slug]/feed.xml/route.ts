import { listFeedEntries } from '@/data/feeds';
import { getTag } from '@/data/taxonomy';
import { env } from '@/lib/env';
import { renderSiteFeed } from '@/lib/site-feed';
import { xmlResponse } from '@/lib/xml';

/** RSS of a tag's latest 50 stories. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const tag = await getTag((await params).slug);
  if (!tag) return new Response('Not found', { status: 404 });
  const entries = await listFeedEntries({ kind: 'tag', id: tag.id });
  const { SITE_URL, SITE_NAME } = env();
  return xmlResponse(
    renderSiteFeed({ siteUrl: SITE_URL, siteName: SITE_NAME, title: tag.name, description: tag.description || `Stories about ${tag.name}.`, path: `/tag/${tag.slug}`, entries }),
  );
}
