import { ImageResponse } from 'next/og';

import { getPublicArticle } from '@/data/articles';
import { env } from '@/lib/env';
import { FORMAT_LABELS } from '@/lib/format';

export const size = { width: 1200, height: 630 };
export const contentType = 'image/png';
export const alt = 'The headline of the story on the site’s masthead colours';

/** A social card per story: section, headline and masthead, drawn with next/og's bundled font (nothing remote). */
export default async function OpenGraphImage({ params }: { params: Promise<{ section: string; slug: string }> }) {
  const article = await getPublicArticle((await params).slug);
  const headline = article?.headline ?? env().SITE_NAME;
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', justifyContent: 'space-between', background: '#fbfaf7', color: '#1a1a1a', padding: 72 }}>
        <div style={{ display: 'flex', fontSize: 30, color: '#a4161a', fontWeight: 700 }}>
          {article ? `${article.section.name} · ${FORMAT_LABELS[article.format]}`.toUpperCase() : ''}
        </div>
        <div style={{ display: 'flex', fontSize: headline.length > 80 ? 56 : 68, fontWeight: 700, lineHeight: 1.1 }}>{headline}</div>
        <div style={{ display: 'flex', borderTop: '6px solid #1a1a1a', paddingTop: 24, fontSize: 36, fontWeight: 700 }}>{env().SITE_NAME}</div>
      </div>
    ),
    size,
  );
}
