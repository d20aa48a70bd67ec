import { SITEMAP_CHUNK, countSitemapArticles, listRecentForNews, listSitemapArticles, listSitemapPages } from '@/data/sitemap';
import { env } from '@/lib/env';
import { absoluteUrl } from '@/lib/share';
import { buildNewsSitemap } from '@/lib/sitemap';
import { renderPathsSitemap } from '@/lib/site-sitemap';
import { xmlResponse } from '@/lib/xml';

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/** /sitemaps/pages.xml, /sitemaps/articles-N.xml and the Google News sitemap /sitemaps/news.xml. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const { SITE_URL, SITE_NAME } = env();
  if (file === 'news.xml') {
    const recent = await listRecentForNews();
    return xmlResponse(buildNewsSitemap(recent.map((item) => ({ ...item, loc: absoluteUrl(SITE_URL, item.path) })), SITE_NAME));
  }
  if (file === 'pages.xml') return xmlResponse(renderPathsSitemap(SITE_URL, await listSitemapPages()));
  const match = /^articles-([1-9][0-9]{0,4})\.xml$/.exec(file);
  if (!match) return notFound();
  const chunk = Number(match[1]);
  if (chunk > Math.max(1, Math.ceil((await countSitemapArticles()) / SITEMAP_CHUNK))) return notFound();
  return xmlResponse(renderPathsSitemap(SITE_URL, await listSitemapArticles(chunk)));
}
