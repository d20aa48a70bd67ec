import { ImageResponse } from 'next/og';
import { connection } from 'next/server';

import { env } from '@/lib/env';

/** The publisher logo structured data points at: the masthead name, 600×60 (Google's news logo size). */
export async function GET() {
  // SITE_NAME is read when asked, not baked in at build time.
  await connection();
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#fbfaf7', color: '#1a1a1a', fontSize: 40, fontWeight: 700 }}>
        {env().SITE_NAME}
      </div>
    ),
    { width: 600, height: 60, headers: { 'Cache-Control': 'public, max-age=86400' } },
  );
}
