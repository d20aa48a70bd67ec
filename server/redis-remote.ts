import { createClient, RESP_TYPES } from 'redis';

import { invalidateLocally, type Remote } from './cache-handler.mjs';

/**
 * The cache shared by every instance when REDIS_URL is set (docs/adr/0010).
 * - Entries ('use cache' data and pages) are stored under `newsroom:entry:…` with a TTL; each instance keeps its own
 *   decoded copies in memory and asks Redis on a local miss.
 * - Tag invalidations are published on `newsroom:invalidations` and recorded in the hash `newsroom:tags`. Every
 *   instance applies what it hears at the moment it hears it, so clocks never compare across machines for tags.
 * - Redis is never waited for long: a read that takes more than READ_TIMEOUT_MS is a miss, writes are not awaited,
 *   and with the connection down nothing is queued. While this instance is not subscribed it cannot trust what it
 *   holds: entries older than the bound in cache-handler.mjs are not served; on reconnecting it reads the hash and
 *   invalidates every tag that changed meanwhile.
 */
const READ_TIMEOUT_MS = 100;

type Options = {
  /** Key and channel prefix: one per newspaper sharing a Redis. */
  prefix?: string;
  log?: (message: string) => void;
};

export class RedisRemote implements Remote {
  private readonly control;
  /** The same connection as `control`, answering bulk strings as Buffers (entries). */
  private readonly client;
  private readonly subscriber;
  private listening = false;
  private subscribed = false;
  private problem: string | null = null;
  /** The last time seen in Redis for each tag, to find what changed while we were away. */
  private readonly seen = new Map<string, number>();
  /** Tags this instance invalidated while Redis was away: sent as soon as it is back, so nobody keeps them. */
  private readonly unsent = new Set<string>();

  private readonly prefix: string;
  private readonly channel: string;
  private readonly tagsKey: string;
  private readonly log: (message: string) => void;

  constructor(url: string, options: Options = {}) {
    this.prefix = options.prefix ?? 'newsroom:';
    this.channel = `${this.prefix}invalidations`;
    this.tagsKey = `${this.prefix}tags`;
    this.log = options.log ?? ((message) => console.log(message));
    const clientOptions = {
      url,
      disableOfflineQueue: true,
      socket: { connectTimeout: 1000, reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2000) },
    };
    // Named, so that an operator's CLIENT LIST says whose connections these are.
    this.control = createClient({ ...clientOptions, name: `${this.prefix}cache` });
    this.client = this.control.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
    this.subscriber = createClient({ ...clientOptions, name: `${this.prefix}subscriber` });
    for (const [name, client] of [['cache', this.control], ['subscriber', this.subscriber]] as const) {
      client.on('error', (error: Error) => this.trouble(name, error.message));
      client.on('end', () => this.trouble(name, 'connection closed'));
    }
    this.control.on('ready', () => {
      this.sendUnsent();
      this.recovered();
    });
    this.subscriber.on('ready', () => void this.resubscribe());
  }

  /** True while invalidations from other instances reach this one. */
  get trusted(): boolean {
    return this.subscribed && this.subscriber.isReady;
  }

  async connect(): Promise<void> {
    // Start-up does not wait for Redis: the site serves from memory until it answers.
    this.control.connect().catch((error: Error) => this.trouble('cache', error.message));
    this.subscriber.connect().catch((error: Error) => this.trouble('subscriber', error.message));
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.control.close(), this.subscriber.close()]);
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    if (!this.client.isReady) return undefined;
    let timer: NodeJS.Timeout | undefined;
    try {
      const value = await Promise.race([
        this.client.get(`${this.prefix}entry:${key}`),
        new Promise<null>((resolve) => {
          timer = setTimeout(() => resolve(null), READ_TIMEOUT_MS);
        }),
      ]);
      return value ?? undefined;
    } catch {
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Marks `key` as seen for `ttlMs` (SET NX): true the first time, false while it is marked, undefined when Redis is
   * not answering within READ_TIMEOUT_MS (the caller decides alone). The shared dedupe of views (server/view-counter.ts).
   */
  async firstSeen(key: string, ttlMs: number): Promise<boolean | undefined> {
    if (!this.control.isReady) return undefined;
    let timer: NodeJS.Timeout | undefined;
    try {
      const answer = await Promise.race([
        this.control.set(`${this.prefix}seen:${key}`, '1', { condition: 'NX', expiration: { type: 'PX', value: Math.max(1, Math.round(ttlMs)) } }),
        new Promise<undefined>((resolve) => {
          timer = setTimeout(() => resolve(undefined), READ_TIMEOUT_MS);
        }),
      ]);
      return answer === undefined ? undefined : answer === 'OK';
    } catch {
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  set(key: string, bytes: Uint8Array, ttlMs: number): void {
    if (!this.client.isReady || ttlMs <= 0) return;
    this.client.set(`${this.prefix}entry:${key}`, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { expiration: { type: 'PX', value: Math.ceil(ttlMs) } }).catch(() => {});
  }

  publish(tags: string[]): void {
    if (tags.length === 0) return;
    if (!this.client.isReady) {
      for (const tag of tags) this.unsent.add(tag);
      this.trouble('cache', `could not publish the invalidation of ${tags.join(', ')}`);
      return;
    }
    const now = String(Date.now());
    const message = JSON.stringify({ tags, at: now });
    void this.control
      .multi()
      .hSet(this.tagsKey, Object.fromEntries(tags.map((tag) => [tag, now])))
      .publish(this.channel, message)
      .exec()
      .catch((error: Error) => {
        for (const tag of tags) this.unsent.add(tag);
        this.trouble('cache', `publish: ${error.message}`);
      });
  }

  /**
   * Invalidations made here while Redis was away, published now: another instance may have rendered a page from the
   * old data in the seconds before it lost Redis too, and would otherwise trust that page again once Redis is back.
   */
  private sendUnsent(): void {
    if (this.unsent.size === 0) return;
    const tags = [...this.unsent];
    this.unsent.clear();
    this.publish(tags);
  }

  /**
   * Whether every running instance holds the same `value` for `name` (a fingerprint of their shared secrets). The
   * first instance records its value for `ttlMs` and keeps renewing it while it runs; a later one compares.
   * 'unknown' when Redis does not answer within two seconds.
   */
  async agree(name: string, value: string, ttlMs = 30_000): Promise<'agreed' | 'differs' | 'unknown'> {
    if (!this.control.isReady) {
      await Promise.race([new Promise((resolve) => this.control.once('ready', resolve)), new Promise((resolve) => setTimeout(resolve, 2000))]);
      if (!this.control.isReady) return 'unknown';
    }
    const key = `${this.prefix}agreement:${name}`;
    try {
      await this.control.set(key, value, { condition: 'NX', expiration: { type: 'PX', value: ttlMs } });
      if ((await this.control.get(key)) !== value) return 'differs';
      const renew = setInterval(() => {
        void this.control.set(key, value, { expiration: { type: 'PX', value: ttlMs } }).catch(() => {});
      }, ttlMs / 3);
      renew.unref();
      return 'agreed';
    } catch {
      return 'unknown';
    }
  }

  /** On every (re)connection: listen (node-redis renews the subscription itself after the first time), then catch up. */
  private async resubscribe(): Promise<void> {
    try {
      if (!this.listening) {
        this.listening = true;
        await this.subscriber.subscribe(this.channel, (message) => {
          try {
            const { tags, at } = JSON.parse(message) as { tags: string[]; at: string };
            for (const tag of tags) this.seen.set(tag, Number(at));
            invalidateLocally(tags);
          } catch {
            // Not one of ours.
          }
        });
      }
      if (!this.control.isReady) await new Promise((resolve) => this.control.once('ready', resolve));
      // Whatever changed while this instance was not listening is invalidated.
      const times = await this.control.hGetAll(this.tagsKey);
      const first = this.seen.size === 0;
      const changed = Object.entries(times).filter(([tag, at]) => Number(at) > (this.seen.get(tag) ?? 0));
      for (const [tag, at] of changed) {
        this.seen.set(tag, Number(at));
        // A new instance holds nothing of its own yet: the recorded times are right against entries other
        // instances stored (their clocks, within CLOCK_SKEW_MS). Later catch-ups invalidate as of now.
        if (first) invalidateLocally([tag], Number(at));
      }
      if (!first && changed.length) invalidateLocally(changed.map(([tag]) => tag));
      this.subscribed = true;
      this.recovered();
    } catch (error) {
      this.trouble('subscriber', error instanceof Error ? error.message : String(error));
    }
  }

  private recovered(): void {
    if (!this.problem || !this.control.isReady || !this.trusted) return;
    this.log(`[cache] Redis is back: shared cache and invalidations restored`);
    this.problem = null;
  }

  private trouble(connection: 'cache' | 'subscriber', message: string): void {
    if (connection === 'subscriber') this.subscribed = false;
    if (this.problem) return;
    this.problem = message;
    this.log(`[cache] Redis unavailable (${connection}: ${message}): serving from this instance's memory; entries older than a few seconds are renewed until it returns`);
  }
}
