import { lastInvalidated } from './cache-handler.mjs';
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
  /** When the data it was made from runs out (milliseconds). */
  expiresAt: number;
  tags: string[];
  bytes: number;
};

/**
 * The pages of one instance, least recently used first, bounded by bytes. Tag invalidations are read from the
 * ledger the `'use cache'` handler keeps (server/cache-handler.mjs), so `updateTag()` in a server action reaches
 * the data cache and the page cache alike.
 */
export class PageStore {
  private readonly entries = new Map<string, PageEntry>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): PageEntry | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: PageEntry): void {
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

/** Fresh: its data has not run out and none of its tags was invalidated since its render began (same millisecond included). */
export function isFresh(entry: PageEntry, now = Date.now()): boolean {
  return now < entry.expiresAt && lastInvalidated(entry.tags) < entry.timestamp;
}
