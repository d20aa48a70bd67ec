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
 * - With REDIS_URL, the server installs a `Remote` (server/redis-remote.ts, docs/adr/0010): entries are shared
 *   between instances and invalidations reach them all. This file never imports it, so builds and `next dev` run
 *   without Redis.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const MAX_BYTES = 64 * 1024 * 1024;

/**
 * @typedef {import('next/cache').CacheEntry} CacheEntry
 * @typedef {{ value: Uint8Array, tags: string[], stale: number, timestamp: number, expire: number, revalidate: number }} StoredEntry
 * @typedef {{ tags: Set<string>, expiresAt: number, dataSince: number }} RenderRecord
 * @typedef {{ readonly trusted: boolean, get(key: string): Promise<Uint8Array | undefined>, set(key: string, bytes: Uint8Array, ttlMs: number): void, publish(tags: string[]): void }} Remote
 */

/**
 * With a remote, an entry made within this much of an invalidation counts as older than it: another instance's
 * clock may be this far ahead (keep instances on NTP).
 */
const CLOCK_SKEW_MS = 250;
/**
 * While this instance cannot hear other instances' invalidations (Redis down), it serves nothing older than this:
 * the bound on how long a lost invalidation can keep a page or data stale.
 */
export const UNTRUSTED_MAX_AGE_MS = 5000;

/** Shared by every copy of this module in the process (Next's import and the server's). */
const state = /** @type {{ entries: Map<string, StoredEntry>, bytes: number, tagTimes: Map<string, number>, renderScope: AsyncLocalStorage<RenderRecord>, remote: Remote | null, readMargin: number }} */ (
  // @ts-expect-error: a process-wide slot on globalThis
  (globalThis[Symbol.for('newsroom.cache')] ??= {
    entries: new Map(),
    bytes: 0,
    tagTimes: new Map(),
    renderScope: new AsyncLocalStorage(),
    remote: null,
    readMargin: 0,
  })
);

/**
 * Shares this instance's cache through `remote` (null: this process only).
 * @param {Remote | null} remote
 */
export function installRemote(remote) {
  state.remote = remote;
}

/** The shared store, if any. */
export function remote() {
  return state.remote;
}

/**
 * How far behind the primary the data an entry is made from may be (REPLICA_MAX_LAG_MS with read replicas,
 * docs/adr/0011; 0 without): an entry made within this much of an invalidation of one of its tags may hold what a
 * replica returned before it had the change, so it is served only until the replica must have it, then made again.
 * @param {number} ms
 */
export function setReadMargin(ms) {
  state.readMargin = Math.max(0, ms);
}

/**
 * Whether something made at `timestamp` from data with `tags` may still be served: none of the tags invalidated
 * since (with a margin for other instances' clocks); if one was invalidated less than the read margin before, only
 * until that margin has passed; and, while invalidations from other instances cannot reach this one, not older than
 * UNTRUSTED_MAX_AGE_MS, counted from `madeFrom`: the time of the oldest cached data a page was made from.
 * @param {Iterable<string>} tags
 * @param {number} timestamp
 * @param {number} [madeFrom]
 */
export function isCurrent(tags, timestamp, madeFrom = timestamp) {
  const shared = state.remote;
  if (shared && !shared.trusted && preciseNow() - madeFrom > UNTRUSTED_MAX_AGE_MS) return false;
  const skew = shared ? CLOCK_SKEW_MS : 0;
  const invalidated = lastInvalidated(tags);
  if (invalidated >= timestamp - skew) return false;
  return invalidated < timestamp - skew - state.readMargin || preciseNow() < invalidated + state.readMargin;
}

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
  invalidateLocally(tags);
  state.remote?.publish(tags);
}

/**
 * Marks tags invalidated in this instance only: for invalidations heard from other instances (at the time this one
 * heard, so no two machines' clocks are compared for tags) and for the scheduler, which runs in each. `at` is for
 * the first catch-up of a new instance, which holds nothing yet and takes the times recorded in the shared store.
 * @param {string[]} tags
 * @param {number} [at]
 */
export function invalidateLocally(tags, at) {
  // Sub-millisecond, so a page rendered just after an invalidation is not mistaken for one made before it; an
  // entry stamped in whole milliseconds (Next's) in the same millisecond counts as older, as it may be.
  const time = at ?? preciseNow();
  for (const tag of tags) state.tagTimes.set(tag, Math.max(time, state.tagTimes.get(tag) ?? 0));
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
  // A page is as old as the oldest data in it, for the bound on what may be served while Redis is out of reach.
  render.dataSince = Math.min(render.dataSince, entry.timestamp);
}

/** @param {string} key */
function remove(key) {
  const entry = state.entries.get(key);
  if (!entry) return;
  state.bytes -= entry.value.byteLength;
  state.entries.delete(key);
}

/**
 * @param {string} key
 * @param {StoredEntry} entry
 */
function store(key, entry) {
  if (entry.value.byteLength > MAX_BYTES / 8) return;
  remove(key);
  state.entries.set(key, entry);
  state.bytes += entry.value.byteLength;
  for (const oldest of state.entries.keys()) {
    if (state.bytes <= MAX_BYTES) break;
    remove(oldest);
  }
}

/**
 * An entry as bytes for the shared store: a 4-byte length, the metadata as JSON, the value.
 * @param {StoredEntry} entry
 */
export function encodeEntry(entry) {
  const { value, ...meta } = entry;
  const head = Buffer.from(JSON.stringify(meta));
  const bytes = Buffer.alloc(4 + head.length + value.byteLength);
  bytes.writeUInt32BE(head.length, 0);
  head.copy(bytes, 4);
  bytes.set(value, 4 + head.length);
  return bytes;
}

/**
 * @param {Uint8Array} bytes
 * @returns {StoredEntry | undefined}
 */
export function decodeEntry(bytes) {
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const length = buffer.readUInt32BE(0);
    const meta = JSON.parse(buffer.subarray(4, 4 + length).toString());
    return { ...meta, value: new Uint8Array(buffer.subarray(4 + length)) };
  } catch {
    return undefined;
  }
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
    let entry = state.entries.get(cacheKey);
    if (!entry && state.remote) {
      const bytes = await state.remote.get(`data:${cacheKey}`);
      entry = bytes ? decodeEntry(bytes) : undefined;
      if (entry) store(cacheKey, entry);
    }
    if (!entry) return undefined;
    if (!isCurrent(entry.tags, entry.timestamp) || !isCurrent(softTags, entry.timestamp)) {
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
      store(cacheKey, stored);
      state.remote?.set(`data:${cacheKey}`, encodeEntry(stored), entry.timestamp + entry.expire * 1000 - Date.now());
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
