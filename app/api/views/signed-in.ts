import { connection } from 'next/server';

import { getViewer } from '@/data/viewer';
import { clientAddress } from '@/lib/client-address';
import { STAFF_ROLES } from '@/lib/roles';
import { MAX_BEACON_BYTES, parseArticleId, parseBeacon, type ViewOutcome } from '@/lib/view-counting';
import { viewRecorder } from '@/lib/view-recorder';

/** A transparent 1×1 GIF (the same as server/view-beacon.ts's). */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const NO_STORE = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

const plain = (status: number, message: string, headers: Record<string, string> = {}) =>
  new Response(message, { status, headers: { ...NO_STORE, 'Content-Type': 'text/plain; charset=utf-8', ...headers } });

/**
 * A view beacon (or the no-JavaScript pixel) that carries a session: the front (server/view-beacon.ts) answers the
 * anonymous ones without Next; these need the viewer, because staff reading their own stories are not counted
 * (docs/adr/0027). The same checks and answers as the front's.
 */
export async function signedInView(request: Request, kind: 'beacon' | 'pixel'): Promise<Response> {
  await connection();
  const site = request.headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin' && site !== 'none') return plain(403, "Views are counted from this site's own pages.");
  let articleId: number | null;
  if (kind === 'beacon') {
    if (Number(request.headers.get('content-length') ?? 0) > MAX_BEACON_BYTES) return plain(413, 'A view beacon is a few bytes.');
    const body = await request.text();
    if (Buffer.byteLength(body) > MAX_BEACON_BYTES) return plain(413, 'A view beacon is a few bytes.');
    articleId = parseBeacon(body);
  } else {
    articleId = parseArticleId(new URL(request.url).searchParams.get('id'));
  }
  if (articleId === null) return plain(400, 'A view names one story: {"id": <number>}.');

  const viewer = await getViewer();
  const staff = viewer !== null && (STAFF_ROLES as readonly string[]).includes(viewer.role);
  const record = viewRecorder();
  let outcome: ViewOutcome = staff ? 'staff' : 'unknown';
  if (record) {
    try {
      outcome = await record({ articleId, address: clientAddress(request.headers), userAgent: request.headers.get('user-agent') ?? undefined, headers: Object.fromEntries(request.headers) }, staff);
    } catch {
      return plain(503, 'Views cannot be counted just now.', { 'Retry-After': '5' });
    }
  }
  if (outcome === 'unknown' && record) return plain(404, 'No such story.', { 'X-View': outcome });
  if (kind === 'beacon') return new Response(null, { status: 204, headers: { ...NO_STORE, 'X-View': outcome } });
  return new Response(PIXEL, { status: 200, headers: { ...NO_STORE, 'Content-Type': 'image/gif', 'X-View': outcome } });
}
