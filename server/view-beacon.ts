/**
 * The view beacon's two addresses, answered by the front without Next (docs/adr/0027):
 * - POST /api/views, body `{"id":123}`: navigator.sendBeacon from the article page (components/page-script/view-beacon.ts);
 * - GET /api/views/pixel.gif?id=123: the same for a reader without JavaScript (a 1×1 image inside <noscript>).
 * A request carrying a session goes to Next instead (app/api/views), which knows whether the viewer is staff.
 * Hostile input gets a 4xx: another method 405, a body over MAX_BEACON_BYTES 413, anything but the JSON 400, a story
 * that is not public 404, a cross-site request 403.
 */
import type http from 'node:http';

import { BEACON_PATH, PIXEL_PATH } from '@/lib/view-beacon-paths';
import { MAX_BEACON_BYTES, parseArticleId, parseBeacon } from '@/lib/view-counting';

import type { ViewCounter, ViewOutcome } from './view-counter';

/** A transparent 1×1 GIF. */
export const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** Which of the beacon's addresses `rawUrl` is, or null. */
export function viewBeaconKind(rawUrl: string | undefined): 'beacon' | 'pixel' | null {
  const path = (rawUrl ?? '').split('?', 1)[0];
  return path === BEACON_PATH ? 'beacon' : path === PIXEL_PATH ? 'pixel' : null;
}

const NO_STORE = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

function answer(res: http.ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { ...NO_STORE, 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  res.end(message);
}

/** The body, or null when it is longer than `limit` bytes (the rest is not read). */
function readBody(req: http.IncomingMessage, limit: number): Promise<string | null> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    req.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > limit) {
        req.removeAllListeners('data');
        req.resume();
        resolve(null);
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function articleIdOfPixel(rawUrl: string | undefined): number | null {
  try {
    return parseArticleId(new URL(rawUrl ?? '', 'http://views.invalid').searchParams.get('id'));
  } catch {
    return null;
  }
}

/** The outcome sent back in X-View (the journeys and the load script read it; readers never see it). */
function counted(res: http.ServerResponse, kind: 'beacon' | 'pixel', outcome: ViewOutcome): void {
  if (outcome === 'unknown') return answer(res, 404, 'No such story.', { 'X-View': outcome });
  if (kind === 'beacon') {
    res.writeHead(204, { ...NO_STORE, 'X-View': outcome });
    res.end();
    return;
  }
  res.writeHead(200, { ...NO_STORE, 'Content-Type': 'image/gif', 'Content-Length': String(PIXEL.length), 'X-View': outcome });
  res.end(PIXEL);
}

/**
 * Answers a beacon or pixel request. `staff` is the caller's knowledge of the viewer (Next's route handler); the front
 * calls this only for requests without a session. X-Forwarded-For already holds the client's address (server/main.ts).
 */
export async function serveViewBeacon(req: http.IncomingMessage, res: http.ServerResponse, counter: ViewCounter): Promise<void> {
  const kind = viewBeaconKind(req.url);
  if (!kind) return answer(res, 404, 'Not found.');
  const method = kind === 'beacon' ? 'POST' : 'GET';
  if (req.method !== method && !(kind === 'pixel' && req.method === 'HEAD')) return answer(res, 405, 'Method not allowed.', { Allow: kind === 'pixel' ? 'GET, HEAD' : 'POST' });
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return answer(res, 403, 'Views are counted from this site\'s own pages.');

  let articleId: number | null;
  if (kind === 'beacon') {
    const body = await readBody(req, MAX_BEACON_BYTES);
    if (body === null) return answer(res, 413, 'A view beacon is a few bytes.');
    articleId = parseBeacon(body);
  } else {
    articleId = articleIdOfPixel(req.url);
  }
  if (articleId === null) return answer(res, 400, 'A view names one story: {"id": <number>}.');
  const address = String(req.headers['x-forwarded-for'] ?? 'unknown');
  let outcome: ViewOutcome;
  try {
    outcome = await counter.count({ articleId, address, userAgent: req.headers['user-agent'], headers: req.headers });
  } catch {
    // The list of public stories could not be read: the database is away.
    return answer(res, 503, 'Views cannot be counted just now.', { 'Retry-After': '5' });
  }
  counted(res, kind, outcome);
}
