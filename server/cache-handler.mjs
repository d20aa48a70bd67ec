// @ts-check
/**
 * The `'use cache'` handler (next.config.js `cacheHandlers.default`), and the tag ledger the page cache in front of
 * Next shares with it (docs/adr/0009). Plain JavaScript because Next imports it at run time with Node's own loader.
 *
 * - Entries live in a least-recently-used map bounded by bytes.
 * - Every tag invalidation expires at once, also `revalidateTag(tag, 'max')`: a page rendered right after an edit
 *   must never be built from data that is still being refreshed in the background (it would be cached stale).
 * - While a page is rendered for the page cache, every entry the render reads or writes reports its tags and its
 *   lifetime to that render (`renderScope`), so the cached page is invalidated with the data it was made from.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const MAX_BYTES = 64 * 1024 * 1024;

/**
 * @typedef {import('next/cache').CacheEntry} CacheEntry
 * @typedef {{ value: Uint8Array, tags: string[], stale: number, timestamp: number, expire: number, revalidate: number }} StoredEntry
 * @typedef {{ tags: Set<string>, expiresAt: number }} RenderRecord
 */

/** Shared by every copy of this module in the process (Next's import and the server's). */
const state = /** @type {{ entries: Map<string, StoredEntry>, bytes: number, tagTimes: Map<string, number>, renderScope: AsyncLocalStorage<RenderRecord> }} */ (
  // @ts-expect-error: a process-wide slot on globalThis
  (globalThis[Symbol.for('newsroom.cache')] ??= {
    entries: new Map(),
    bytes: 0,
    tagTimes: new Map(),
    renderScope: new AsyncLocalStorage(),
  })
);

/** The render being recorded for the page cache, if any: it learns the tags and lifetimes of what it reads. */
export const renderScope = state.renderScope;

/**
 * When any of `tags` was last invalidated (milliseconds), or 0.
 * @param {Iterable<string>} tags
 */
export function lastInvalidated(tags) {
  let latest = 0;
  for (const tag of tags) latest = Math.max(latest, state.tagTimes.get(tag) ?? 0);
  return latest;
}

/**
 * Marks tags invalidated now. Called by Next for `updateTag`/`revalidateTag`/`revalidatePath`, and by the
 * scheduler when a story falls due.
 * @param {string[]} tags
 */
export function invalidateTags(tags) {
  // Sub-millisecond, so a page rendered just after an invalidation is not mistaken for one made before it; an
  // entry stamped in whole milliseconds (Next's) in the same millisecond counts as older, as it may be.
  const now = preciseNow();
  for (const tag of tags) state.tagTimes.set(tag, now);
}

/** Milliseconds since the epoch, with a fraction. */
export function preciseNow() {
  return performance.timeOrigin + performance.now();
}

/** @param {StoredEntry} entry */
function record(entry) {
  const render = renderScope.getStore();
  if (!render) return;
  for (const tag of entry.tags) render.tags.add(tag);
  render.expiresAt = Math.min(render.expiresAt, entry.timestamp + entry.revalidate * 1000);
}

/** @param {string} key */
function remove(key) {
  const entry = state.entries.get(key);
  if (!entry) return;
  state.bytes -= entry.value.byteLength;
  state.entries.delete(key);
}

/** @param {Uint8Array} bytes */
function streamOf(bytes) {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

/** @type {import('next/cache').CacheHandler} */
const handler = {
  async get(cacheKey, softTags) {
    const entry = state.entries.get(cacheKey);
    if (!entry) return undefined;
    if (lastInvalidated(entry.tags) >= entry.timestamp || lastInvalidated(softTags) >= entry.timestamp) {
      remove(cacheKey);
      return undefined;
    }
    // Most recently used last.
    state.entries.delete(cacheKey);
    state.entries.set(cacheKey, entry);
    record(entry);
    return { ...entry, value: streamOf(entry.value) };
  },

  async set(cacheKey, pendingEntry) {
    try {
      const entry = await pendingEntry;
      const value = new Uint8Array(await new Response(entry.value).arrayBuffer());
      const stored = { value, tags: entry.tags, stale: entry.stale, timestamp: entry.timestamp, expire: entry.expire, revalidate: entry.revalidate };
      record(stored);
      if (value.byteLength > MAX_BYTES / 8) return;
      remove(cacheKey);
      state.entries.set(cacheKey, stored);
      state.bytes += value.byteLength;
      for (const key of state.entries.keys()) {
        if (state.bytes <= MAX_BYTES) break;
        remove(key);
      }
    } catch (error) {
      // A render that failed half-way leaves nothing behind; the next read computes it again.
      console.error('[cache] could not store an entry:', error instanceof Error ? error.message : error);
    }
  },

  async refreshTags() {},

  async getExpiration(tags) {
    return lastInvalidated(tags);
  },

  async updateTags(tags) {
    invalidateTags(tags);
  },
};

export default handler;
