import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { parseContentRoute } from '@/lib/public-routes';

import { preciseNow, renderScope, type RenderRecord } from './cache-handler.mjs';
import { withoutRuntime } from './lean-page';
import { isCompressible, makeTemplate } from './page-body';
import type { PageEntry } from './page-store';

type NextHandler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;

/** The longest a page is kept when nothing it was made from says otherwise. */
export const MAX_PAGE_AGE_MS = 10 * 60 * 1000;
/**
 * A 404 for an address with a query (a live blog's page of entries past the last, docs/adr/0026) is kept this long
 * only: the next entry may create that page, and it invalidates the story's tag, which such an answer never read.
 */
export const MISSING_PAGE_MS = 5_000;
/** A render for the cache that has not answered by then counts as failed (the reader gets the stale page or a 503). */
const RENDER_TIMEOUT_MS = 5000;
/** Statuses worth keeping: the page, a missing page, a permanent move. */
const CACHEABLE_STATUSES = new Set([200, 301, 308, 404, 410]);
/** Response headers that are never repeated from a stored entry: set per response, or about the connection. */
const NOT_STORED = new Set([
  'cache-control', 'vary', 'etag', 'last-modified', 'date', 'age', 'expires', 'connection', 'keep-alive', 'transfer-encoding',
  'content-length', 'content-encoding', 'content-security-policy', 'set-cookie', 'x-powered-by',
]);
/**
 * Tags every page carries whatever it read: the story lists, the navigation and the breaking-news banner (which
 * nearly every page shows, and which a render may have read through another request's cache fill), and Next's
 * root-layout tag, so `revalidatePath('/', 'layout')` empties the page cache too.
 */
const BASE_TAGS = ['articles', 'sections', 'breaking', '_N_T_/layout'];

/** A page that rendered, or one that failed: an error page (kept to show, never to store) or no answer at all. */
export type Rendered =
  | { ok: true; entry: PageEntry; storable: boolean }
  | { ok: false; reason: string; entry?: PageEntry };

/**
 * Next answers a page that failed while rendering with its error page and, once the response has begun, status 200:
 * the error boundary (`data-error-page`, app/error.tsx and app/global-error.tsx) or its own error shell.
 */
const ERROR_PAGE_MARKERS = [Buffer.from('data-error-page="true"'), Buffer.from('<html id="__next_error__"')];

export function isErrorPage(status: number, body: Buffer): boolean {
  return status >= 500 || ERROR_PAGE_MARKERS.some((marker) => body.includes(marker));
}

/** Tags a page's address implies, for answers decided before any cached data is read (404s, 308s). */
function routeTags(path: string): string[] {
  const tags = [`_N_T_${path}`];
  const route = parseContentRoute(path);
  if (route && typeof route === 'object') {
    if (route.kind === 'section') tags.push(`section:${route.slug}`);
    if (route.kind === 'tag') tags.push(`tag:${route.slug}`);
  }
  return tags;
}

/**
 * Renders pages for the cache through Next on a loopback listener of its own, as a reader nobody knows: a fixed
 * host (SITE_URL's, so nothing a requester sends can reach a stored Location), no cookies, no encoding. While the
 * render runs, the `'use cache'` handler tells it the tags and lifetimes of the data it reads. An HTML page is stored
 * without the framework runtime, with the page script instead (server/lean-page.ts, docs/adr/0032).
 */
export class PageRenderer {
  private server: http.Server | null = null;
  private port = 0;
  private readonly records = new Map<string, RenderRecord>();

  constructor(
    private readonly handle: NextHandler,
    private readonly site: URL,
  ) {}

  async listen(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const id = req.headers['x-newsroom-render'];
      const record = typeof id === 'string' ? this.records.get(id) : undefined;
      if (!record) {
        res.writeHead(403).end();
        return;
      }
      void renderScope.run(record, () => this.handle(req, res));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  async render(key: string): Promise<Rendered> {
    const id = randomUUID();
    const startedAt = preciseNow();
    const record: RenderRecord = { tags: new Set(), expiresAt: startedAt + MAX_PAGE_AGE_MS, dataSince: startedAt };
    this.records.set(id, record);
    try {
      const response = await this.fetch(key, id);
      const path = key.split('?')[0]!;
      const entry = toEntry(response, this.site, record, startedAt, routeTags(path));
      if (response.status === 404 && key.includes('?')) entry.expiresAt = Math.min(entry.expiresAt, startedAt + MISSING_PAGE_MS);
      if (isErrorPage(response.status, response.body)) return { ok: false, reason: `the page rendered an error (${response.status})`, entry };
      return { ok: true, entry, storable: CACHEABLE_STATUSES.has(response.status) && !response.headers['set-cookie'] };
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    } finally {
      this.records.delete(id);
    }
  }

  private fetch(key: string, id: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port: this.port,
          method: 'GET',
          path: key,
          headers: {
            host: this.site.host,
            'x-forwarded-host': this.site.host,
            'x-forwarded-proto': this.site.protocol.replace(':', ''),
            accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
            'x-newsroom-render': id,
          },
          timeout: RENDER_TIMEOUT_MS,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 500, headers: response.headers, body: Buffer.concat(chunks) }));
          response.on('error', reject);
        },
      );
      request.on('timeout', () => request.destroy(new Error(`no answer within ${RENDER_TIMEOUT_MS} ms`)));
      request.on('error', reject);
      request.end();
    });
  }
}

function toEntry(response: { status: number; headers: http.IncomingHttpHeaders; body: Buffer }, site: URL, record: RenderRecord, startedAt: number, extraTags: string[]): PageEntry {
  const csp = typeof response.headers['content-security-policy'] === 'string' ? response.headers['content-security-policy'] : null;
  const nonce = csp?.match(/'nonce-([A-Za-z0-9+/=_-]+)'/)?.[1] ?? null;
  const contentType = typeof response.headers['content-type'] === 'string' ? response.headers['content-type'] : undefined;
  const lean = nonce && contentType?.startsWith('text/html') ? withoutRuntime(response.body.toString('utf8'), nonce) : null;
  const body = makeTemplate(lean === null ? response.body : Buffer.from(lean), nonce, isCompressible(contentType));
  const headers: [string, string[]][] = [];
  for (const [name, value] of Object.entries(response.headers)) {
    if (value === undefined || NOT_STORED.has(name) || name.startsWith('x-nextjs-')) continue;
    let text = Array.isArray(value) ? value.join(', ') : value;
    // A redirect within the site is stored relative, so it works under whatever host the reader used.
    if (name === 'location' && text.startsWith(`${site.origin}/`)) text = text.slice(site.origin.length);
    headers.push([name, nonce ? text.split(nonce) : [text]]);
  }
  const hash = createHash('sha256').update(String(response.status));
  for (const [name, value] of headers) hash.update(`\0${name}:${value.join('\0')}`);
  for (const piece of body.pieces) hash.update('\0').update(piece);
  const bytes = body.pieces.reduce((sum, piece) => sum + piece.length, 0) + (body.deflated?.reduce((sum, piece) => sum + piece.length, 0) ?? 0);
  return {
    status: response.status,
    headers,
    body,
    policy: csp && nonce ? csp.split(nonce) : csp ? [csp] : null,
    etag: `W/"${hash.digest('base64url').slice(0, 27)}"`,
    timestamp: startedAt,
    dataSince: Math.min(startedAt, record.dataSince),
    // At least a second, so that data which is always about to run out cannot cost a render per request.
    expiresAt: Math.max(startedAt + 1000, Math.min(record.expiresAt, startedAt + MAX_PAGE_AGE_MS)),
    tags: [...new Set([...record.tags, ...BASE_TAGS, ...extraTags])],
    bytes,
  };
}
