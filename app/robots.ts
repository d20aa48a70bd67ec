import type { MetadataRoute } from 'next';
import { connection } from 'next/server';

import { env } from '@/lib/env';
import { absoluteUrl } from '@/lib/share';

export default async function robots(): Promise<MetadataRoute.Robots> {
  // Read SITE_URL when asked, not when built.
  await connection();
  const site = env().SITE_URL;
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/dashboard', '/api/', '/search'] }],
    sitemap: [absoluteUrl(site, '/sitemap.xml'), absoluteUrl(site, '/sitemaps/news.xml')],
  };
}
