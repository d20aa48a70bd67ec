import { listFeedEntries } from '@/data/feeds';
import { getSection } from '@/data/taxonomy';
import { env } from '@/lib/env';
import { renderSiteFeed } from '@/lib/site-feed';
import { xmlResponse } from '@/lib/xml';

/** RSS of a section's latest 50 stories. */
export async function GET(_request: Request, { params }: { params: Promise<{ section: string }> }) {
  const section = await getSection((await params).section);
  if (!section) return new Response('Not found', { status: 404 });
  const entries = await listFeedEntries({ kind: 'section', id: section.id });
  const { SITE_URL, SITE_NAME } = env();
  return xmlResponse(
    renderSiteFeed({ siteUrl: SITE_URL, siteName: SITE_NAME, title: section.name, description: section.description || `${section.name} stories.`, path: `/${section.slug}`, entries }),
  );
}
