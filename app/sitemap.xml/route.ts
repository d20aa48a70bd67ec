import { connection } from 'next/server';

import { SITEMAP_CHUNK, countSitemapArticles, listSitemapArticles, listSitemapPages } from '@/data/sitemap';
import { env } from '@/lib/env';
import { renderRootSitemap } from '@/lib/site-sitemap';
import { xmlResponse } from '@/lib/xml';

/** Every public page with lastmod; a sitemap index once the archive outgrows one file. */
export async function GET() {
  await connection();
  const articleCount = await countSitemapArticles();
  const small = articleCount <= SITEMAP_CHUNK;
  const [pages, articles] = small ? await Promise.all([listSitemapPages(), listSitemapArticles(1)]) : [[], []];
  return xmlResponse(renderRootSitemap({ siteUrl: env().SITE_URL, articleCount, chunkSize: SITEMAP_CHUNK, pages, articles }));
}
