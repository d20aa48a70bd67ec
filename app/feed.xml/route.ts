import { connection } from 'next/server';

import { listFeedEntries } from '@/data/feeds';
import { env } from '@/lib/env';
import { renderSiteFeed } from '@/lib/site-feed';
import { xmlResponse } from '@/lib/xml';

/** RSS of the latest 50 stories. */
export async function GET() {
  await connection();
  const entries = await listFeedEntries({ kind: 'all' });
  const { SITE_URL, SITE_NAME } = env();
  return xmlResponse(renderSiteFeed({ siteUrl: SITE_URL, siteName: SITE_NAME, title: SITE_NAME, description: 'The latest stories.', path: '/', entries }));
}
