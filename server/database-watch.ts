import postgres from 'postgres';

import { NEXT_PUBLIC_CHANGE_SQL } from '../db/next-change';

/**
 * One small query every half second, whatever the traffic (never one per request), tells the front two things:
 * - whether PostgreSQL answers. While it does not, pages that must query get a 503 at once instead of hanging,
 *   cached pages are served stale, and the watch asks four times a second so that readers are back within moments
 *   of the database;
 * - when the public set of stories next changes by itself (a scheduled story falls due, or one expires), so the
 *   cached pages can be invalidated at that minute without anyone's request.
 */
export type DatabaseWatchOptions = {
  url: string;
  /** Between checks while the database answers. */
  intervalMs?: number;
  /** Between checks while it does not. */
  downIntervalMs?: number;
  /** A check slower than this counts as a failure. */
  timeoutMs?: number;
  onDown?: (reason: string) => void;
  onUp?: (downForMs: number) => void;
  /** The next scheduled change, as last read (null: none). */
  onSchedule?: (next: Date | null) => void;
};

class SlowAnswer extends Error {}

export class DatabaseWatch {
  private sql: postgres.Sql | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<boolean> | null = null;
  private downSince: number | null = null;
  private stopped = false;
  private slowAnswers = 0;
  private answeredAt = 0;
  private lastDownAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: DatabaseWatchOptions) {}

  get isDown(): boolean {
    return this.downSince !== null;
  }

  /** Whether the database was down at any moment in the last `ms` (errors just after it returns are its echo). */
  wasDownWithin(ms: number): boolean {
    return this.isDown || performance.now() - this.lastDownAt <= ms;
  }

  start(): void {
    this.stopped = false;
    void this.check();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.sql?.end({ timeout: 1 }).catch(() => {});
    this.sql = null;
  }

  /**
   * Whether the database answered within the last `maxAgeMs`, checking now if it has not: for a request about to
   * need it, so that one arriving just after the database went away gets a 503, not an error page. At most one
   * check per `maxAgeMs` however many requests ask.
   */
  async confirm(maxAgeMs = 250): Promise<boolean> {
    if (this.isDown) return false;
    if (performance.now() - this.answeredAt <= maxAgeMs) return true;
    return this.check();
  }

  /** Checks now (joining a check under way); true when the database answered. */
  check(): Promise<boolean> {
    this.running ??= this.probe().finally(() => {
      this.running = null;
      this.schedule();
    });
    return this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    const delay = this.isDown ? (this.options.downIntervalMs ?? 250) : (this.options.intervalMs ?? 500);
    this.timer = setTimeout(() => void this.check(), delay);
    this.timer.unref();
  }

  private async probe(): Promise<boolean> {
    const timeoutMs = this.options.timeoutMs ?? 1000;
    this.sql ??= postgres(this.options.url, { max: 1, connect_timeout: Math.max(1, Math.ceil(timeoutMs / 1000)), idle_timeout: 0, fetch_types: false, onnotice: () => {} });
    const sql = this.sql;
    let timeout: NodeJS.Timeout | undefined;
    try {
      const rows = await Promise.race([
        sql.unsafe<{ next: Date | null }[]>(NEXT_PUBLIC_CHANGE_SQL),
        new Promise<never>((_, reject) => {
          timeout = setTimeout(() => reject(new SlowAnswer(`no answer within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      this.slowAnswers = 0;
      this.answeredAt = performance.now();
      const next = rows[0]?.next ?? null;
      this.options.onSchedule?.(next ? new Date(next) : null);
      if (this.downSince !== null) {
        this.lastDownAt = performance.now();
        const downFor = Date.now() - this.downSince;
        this.downSince = null;
        this.options.onUp?.(downFor);
      }
      return true;
    } catch (error) {
      // A connection that failed or hangs is dropped; the next check opens a new one.
      this.sql = null;
      void sql.end({ timeout: 0 }).catch(() => {});
      // A refused or broken connection means down at once. A slow answer only on the second in a row: a busy
      // process (the first renders after start-up) can fire the timer before an answer that has already arrived.
      const slow = error instanceof SlowAnswer;
      this.slowAnswers = slow ? this.slowAnswers + 1 : 0;
      if (slow && this.slowAnswers < 2) return false;
      if (this.downSince === null) {
        this.downSince = Date.now();
        this.options.onDown?.(error instanceof Error ? error.message : String(error));
      }
      return false;
    } finally {
      clearTimeout(timeout);
    }
  }
}
