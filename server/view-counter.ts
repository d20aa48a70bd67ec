/**
 * Counting article views (docs/adr/0027): no database write per view and nothing in the cached page. A view passes
 * the rules (lib/view-counting.ts), is checked against the public stories, deduplicated per reader, story and clock
 * hour (in Redis when several instances share one, else in this process's memory), and added to a tally that one
 * upsert writes to article_views every second or so, and once more on shutdown.
 */
import { type TallyRow, writeViewTally } from '@/data/view-tally';
import { HOUR_MS, hourOf, isPrefetch, isRobot, readerKey, type ViewOutcome } from '@/lib/view-counting';

export type { ViewOutcome };

export type ViewInput = { articleId: number; address: string; userAgent: string | undefined; headers: Record<string, string | string[] | undefined> };

/** Keys remembered per hour in memory before the dedupe gives up (about 100 bytes each: ~50 MB at most). */
export const DEDUPE_MAX_KEYS = 500_000;

/**
 * The readers seen in the current and the previous clock hour, at most `maxKeys` at once. Past the bound a view is
 * counted without dedupe (and `overflowed` says so) rather than lost.
 */
export class HourlyDedupe {
  private readonly hours = new Map<number, Set<string>>();
  private size = 0;
  overflowed = false;

  constructor(private readonly maxKeys = DEDUPE_MAX_KEYS) {}

  /** True the first time `key` is seen in `hour`. */
  firstSeen(hour: number, key: string): boolean {
    for (const [seenHour, keys] of this.hours) {
      if (seenHour < hour - HOUR_MS) {
        this.size -= keys.size;
        this.hours.delete(seenHour);
      }
    }
    let keys = this.hours.get(hour);
    if (keys?.has(key)) return false;
    if (this.size >= this.maxKeys) {
      this.overflowed = true;
      return true;
    }
    if (!keys) this.hours.set(hour, (keys = new Set()));
    keys.add(key);
    this.size += 1;
    return true;
  }

  get keys(): number {
    return this.size;
  }
}

/** Views waiting to be written, summed per story and hour. */
export class ViewTally {
  private pending = new Map<string, TallyRow>();

  add(articleId: number, hour: number, views = 1): void {
    const key = `${articleId}:${hour}`;
    const row = this.pending.get(key);
    if (row) row.views += views;
    else this.pending.set(key, { articleId, hour, views });
  }

  /** Everything pending, which is forgotten here: give it back with restore() if it could not be written. */
  take(): TallyRow[] {
    const rows = [...this.pending.values()];
    this.pending = new Map();
    return rows;
  }

  restore(rows: TallyRow[]): void {
    for (const row of rows) this.add(row.articleId, row.hour, row.views);
  }

  get views(): number {
    let sum = 0;
    for (const row of this.pending.values()) sum += row.views;
    return sum;
  }
}

/**
 * The public stories' ids, read every `refreshMs` (in the background once known) and again at once, at most every
 * `missRefreshMs`, when a beacon names one it does not know (a story published a moment ago).
 */
export class PublicArticleIds {
  private ids = new Set<number>();
  private loadedAt = Number.NEGATIVE_INFINITY;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly load: () => Promise<number[]>,
    private readonly options: { refreshMs: number; missRefreshMs: number } = { refreshMs: 30_000, missRefreshMs: 2_000 },
  ) {}

  private refresh(): Promise<void> {
    this.loading ??= this.load()
      .then((ids) => {
        this.ids = new Set(ids);
        this.loadedAt = performance.now();
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }

  async has(id: number): Promise<boolean> {
    const age = performance.now() - this.loadedAt;
    if (age === Number.POSITIVE_INFINITY) await this.refresh();
    else if (age > this.options.refreshMs) this.refresh().catch(() => {});
    if (this.ids.has(id)) return true;
    if (performance.now() - this.loadedAt < this.options.missRefreshMs) return false;
    await this.refresh();
    return this.ids.has(id);
  }
}

/** What the shared dedupe needs from Redis (server/redis-remote.ts): undefined when it cannot answer. */
export type SharedSeen = { firstSeen(key: string, ttlMs: number): Promise<boolean | undefined> };

export type ViewCounterOptions = {
  /** The pool the tally is written on (data/view-tally.ts). */
  db: Parameters<typeof writeViewTally>[0];
  publicIds: { has(id: number): Promise<boolean> };
  /** Keys the reader hash (AUTH_SECRET: the same on every instance). */
  secret: string;
  shared?: SharedSeen | null;
  dedupe?: HourlyDedupe;
  flushEveryMs?: number;
  now?: () => number;
  log?: (message: string) => void;
};

export class ViewCounter {
  private readonly tally = new ViewTally();
  private readonly dedupe: HourlyDedupe;
  private readonly now: () => number;
  private readonly log: (message: string) => void;
  private timer: NodeJS.Timeout | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private failing = false;
  private warnedOverflow = false;
  /** Views written since start (for the load script and the log). */
  written = 0;

  constructor(private readonly options: ViewCounterOptions) {
    this.dedupe = options.dedupe ?? new HourlyDedupe();
    this.now = options.now ?? Date.now;
    this.log = options.log ?? ((message) => console.error(message));
  }

  /** Decides whether this view counts and, if so, adds it to the tally. `staff` is for the caller that knows the viewer. */
  async count(input: ViewInput, staff = false): Promise<ViewOutcome> {
    if (staff) return 'staff';
    if (isRobot(input.userAgent)) return 'robot';
    if (isPrefetch(input.headers)) return 'prefetch';
    if (!(await this.options.publicIds.has(input.articleId))) return 'unknown';
    const at = this.now();
    const hour = hourOf(at);
    const key = `${hour}:${input.articleId}:${readerKey(this.options.secret, hour, input.address, input.userAgent ?? '')}`;
    const local = this.dedupe.firstSeen(hour, key);
    if (this.dedupe.overflowed && !this.warnedOverflow) {
      this.warnedOverflow = true;
      this.log(`[views] more than ${DEDUPE_MAX_KEYS} readers this hour: further views are counted without the in-memory dedupe`);
    }
    // Redis keeps the key until the hour is over (and a minute for clocks that differ a little).
    const shared = await this.options.shared?.firstSeen(key, hour + HOUR_MS - at + 60_000);
    if (!(shared ?? local)) return 'duplicate';
    this.tally.add(input.articleId, hour);
    return 'counted';
  }

  /** Writes the tally (one flush at a time); what could not be written stays for the next. Resolves to the views written. */
  flush(): Promise<number> {
    const run = this.chain.then(async () => {
      const rows = this.tally.take();
      try {
        await writeViewTally(this.options.db, rows);
      } catch (error) {
        this.tally.restore(rows);
        throw error;
      }
      const views = rows.reduce((sum, row) => sum + row.views, 0);
      this.written += views;
      return views;
    });
    this.chain = run.catch(() => {});
    return run;
  }

  start(): void {
    this.timer ??= setInterval(() => {
      this.flush().then(
        () => {
          if (this.failing) this.log('[views] writing views again');
          this.failing = false;
        },
        (error: unknown) => {
          if (!this.failing) this.log(`[views] could not write ${this.tally.views} views, kept for the next try: ${error instanceof Error ? error.message : String(error)}`);
          this.failing = true;
        },
      );
    }, this.options.flushEveryMs ?? 1000);
    this.timer.unref();
  }

  /** Stops the timer and writes what is left, trying a few times; says how many views were lost if it never could. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      try {
        await this.flush();
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    this.log(`[views] ${this.tally.views} views could not be written before stopping`);
  }

  get pendingViews(): number {
    return this.tally.views;
  }
}
