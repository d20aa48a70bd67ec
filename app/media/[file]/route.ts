import { readMedia } from '@/data/media';

/** Stored images. Names are server-made and never reused, so they can be cached for good. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const media = await readMedia(file);
  if (!media) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(new Uint8Array(media.body), {
    headers: {
      'Content-Type': media.contentType,
      // A missing width variant answered with its original (data/media.ts): briefly, until the variant is made again.
      'Cache-Control': media.fallback ? 'public, max-age=300' : 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  });
}
