import { isCurrent, remote } from './cache-handler.mjs';
import type { BodyTemplate } from './page-body';

/** One cached response: everything needed to answer again without Next, the nonce left as holes. */
export type PageEntry = {
  status: number;
  /** Response headers worth repeating (content type, location, security headers), lower-case names, each value
   * split at the nonce like the body (almost always one piece). */
  headers: [string, string[]][];
  body: BodyTemplate;
  /** The Content-Security-Policy split at its nonce, or null when the response had none. */
  policy: string[] | null;
  /** Weak validator: the same for every response made from this entry, whatever its nonce. */
  etag: string;
  /** When the render that made this entry began (milliseconds): any tag invalidated since then invalidates it. */
  timestamp: number;
  /** When the oldest cached data in it was made: while Redis is out of reach, nothing older is served. */
  dataSince: number;
  /** When the data it was made from runs out (milliseconds). */
  expiresAt: number;
  tags: string[];
  bytes: number;
};

/** How long a page stays in the shared store after its data runs out: the stale copy a database outage needs. */
const SHARED_STALE_KEEP_MS = 60 * 60 * 1000;

/**
 * The pages of one instance, least recently used first, bounded by bytes. Tag invalidations are read from the
 * ledger the `'use cache'` handler keeps (server/cache-handler.mjs), so `updateTag()` in a server action reaches
 * the data cache and the page cache alike. With a shared store (REDIS_URL), a page one instance rendered is
 * fetched by the others instead of rendered again.
 */
export class PageStore {
  private readonly entries = new Map<string, PageEntry>();
  private bytes = 0;

  /**
   * @param build The deployment the pages belong to: in the shared store, one build never serves another's pages (they
   * name its script and style files), as during a rolling upgrade.
   */
  constructor(
    private readonly maxBytes: number,
    private readonly build = '',
  ) {}

  private sharedKey(key: string): string {
    return `page:${this.build}:${key}`;
  }

  get(key: string): PageEntry | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** A page from the shared store, kept here too once found. */
  async getShared(key: string): Promise<PageEntry | undefined> {
    const bytes = await remote()?.get(this.sharedKey(key));
    const entry = bytes ? decodePage(bytes) : undefined;
    if (entry) this.keep(key, entry);
    return entry;
  }

  set(key: string, entry: PageEntry): void {
    this.keep(key, entry);
    remote()?.set(this.sharedKey(key), encodePage(entry), entry.expiresAt - Date.now() + SHARED_STALE_KEEP_MS);
  }

  private keep(key: string, entry: PageEntry): void {
    this.delete(key);
    if (entry.bytes > this.maxBytes / 16) return;
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.bytes;
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Fresh: its data has not run out and none of its tags was invalidated since its render began. */
export function isFresh(entry: PageEntry, now = Date.now()): boolean {
  return now < entry.expiresAt && isCurrent(entry.tags, entry.timestamp, entry.dataSince);
}

type PageMeta = Omit<PageEntry, 'body'> & { holeLength: number; pieces: number[]; deflated: number[] | null };

/** A page as bytes for the shared store: a 4-byte length, the metadata as JSON, then the pieces and their deflated forms. */
export function encodePage(entry: PageEntry): Buffer {
  const { body, ...rest } = entry;
  const meta: PageMeta = { ...rest, holeLength: body.holeLength, pieces: body.pieces.map((piece) => piece.length), deflated: body.deflated?.map((piece) => piece.length) ?? null };
  const head = Buffer.from(JSON.stringify(meta));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(head.length, 0);
  return Buffer.concat([length, head, ...body.pieces, ...(body.deflated ?? [])]);
}

export function decodePage(bytes: Uint8Array): PageEntry | undefined {
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const headLength = buffer.readUInt32BE(0);
    const { holeLength, pieces, deflated, ...rest } = JSON.parse(buffer.subarray(4, 4 + headLength).toString()) as PageMeta;
    let at = 4 + headLength;
    const take = (length: number) => Buffer.from(buffer.subarray(at, (at += length)));
    return { ...rest, body: { holeLength, pieces: pieces.map(take), deflated: deflated?.map(take) ?? null } };
  } catch {
    return undefined;
  }
}
