import postgres from 'postgres';

/**
 * Which read replicas may serve public reads now (docs/adr/0011). While replicas are configured, a probe round
 * every `intervalMs` reads the primary's WAL position (`pg_current_wal_lsn()`) and each replica's replayed position
 * (`pg_last_wal_replay_lsn()`). The primary's positions are kept for a while with the time each was asked for, so a
 * replica can be compared with what the primary had written REPLICA_MAX_LAG_MS ago: a replica that has replayed it
 * holds every commit older than the bound. A verdict holds until `validForMs` after its round began; a replica that
 * errs, lags or has not been judged lately is not used, and reads go to the primary. Nobody reading for IDLE_MS
 * (like the pools' idle timeout): the checks pause and close their connections, so they never keep a process alive;
 * the next read starts them again (and goes to the primary until the first round has judged the replicas).
 */

/** A position of the primary's write-ahead log, and when it was asked for (performance.now() milliseconds). */
export type PrimarySample = { sentAt: number; lsn: bigint };

/** A WAL position as PostgreSQL prints it ("16/B374D848") as a number of bytes. */
export function parseLsn(text: string): bigint {
  const match = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text.trim());
  if (!match) throw new Error(`not a WAL position: ${text}`);
  return (BigInt(`0x${match[1]}`) << 32n) + BigInt(`0x${match[2]}`);
}

/**
 * How often replicas are checked, and how long a verdict holds: four rounds per bound (two per second at most), a
 * verdict lasting two rounds so that one slow round does not send every read to the primary.
 */
export function probeTiming(maxLagMs: number): { intervalMs: number; validForMs: number } {
  const intervalMs = Math.max(10, Math.min(500, Math.floor(maxLagMs / 4)));
  return { intervalMs, validForMs: 2 * intervalMs };
}

/**
 * Whether a replica that had replayed up to `replayed` may serve reads until `validUntil`. At any moment until
 * then it must hold every commit made on the primary more than `maxLagMs` earlier, that is every commit made
 * before `validUntil - maxLagMs`. The primary's position asked for at or after that moment covers them all (a
 * commit that returned before a question is in the answer), so the replica must have replayed the first such
 * sample. No sample that late (the primary did not answer): not usable. Pure.
 */
export function isWithinBound(history: readonly PrimarySample[], replayed: bigint | null, validUntil: number, maxLagMs: number): boolean {
  if (replayed === null) return false;
  const since = validUntil - maxLagMs;
  const sample = history.find((candidate) => candidate.sentAt >= since);
  return sample !== undefined && replayed >= sample.lsn;
}

/** The samples a later round may still need: rounds only move `since` forward. */
export function pruneHistory(history: PrimarySample[], since: number): PrimarySample[] {
  const first = history.findIndex((sample) => sample.sentAt >= since);
  return first === -1 ? [] : first === 0 ? history : history.slice(first);
}

/** host:port/database of a URL, without credentials: for the log. */
export function describeServer(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}

type Verdict = { kind: 'usable' } | { kind: 'lagging' } | { kind: 'failing'; reason: string };
type Answer = { lsn: bigint | null } | { error: string };
type Probe = { url: string; label: string; sql: postgres.Sql | null; validUntil: number; logged: Verdict['kind'] | null };

export type ReplicaHealthOptions = {
  primaryUrl: string;
  replicaUrls: string[];
  maxLagMs: number;
  /** postgres.js `prepare` (false behind PgBouncer in transaction mode). */
  prepare: boolean;
  /** No read for this long: the checks pause (default 30 s). */
  idleMs?: number;
  log?: { info(message: string): void; warn(message: string): void };
};

const IDLE_MS = 30_000;
/** How the checks' connections appear in pg_stat_activity. */
export const CHECK_APPLICATION_NAME = 'newsroom replica check';
const PRIMARY_POSITION = 'select pg_current_wal_lsn()::text as lsn';
const REPLAYED_POSITION = 'select pg_is_in_recovery() as standby, pg_last_wal_replay_lsn()::text as lsn';

export class ReplicaHealth {
  private readonly primary: Probe;
  private readonly replicas: Probe[];
  private readonly timing: { intervalMs: number; validForMs: number };
  private readonly log: NonNullable<ReplicaHealthOptions['log']>;
  private history: PrimarySample[] = [];
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<void> | null = null;
  private lastPickAt = 0;
  private stopped = true;
  private idle = false;

  constructor(private readonly options: ReplicaHealthOptions) {
    const probe = (url: string): Probe => ({ url, label: describeServer(url), sql: null, validUntil: 0, logged: null });
    this.primary = probe(options.primaryUrl);
    this.replicas = options.replicaUrls.map(probe);
    this.timing = probeTiming(options.maxLagMs);
    this.log = options.log ?? { info: (message) => console.log(message), warn: (message) => console.error(message) };
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.resume();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.round?.catch(() => {});
    await Promise.all([this.primary, ...this.replicas].map((probe) => this.drop(probe)));
  }

  /** A replica that may serve a read now, at random among those within the bound; undefined: use the primary. */
  pick(now = performance.now()): number | undefined {
    this.lastPickAt = now;
    if (this.idle && !this.stopped) this.resume();
    let chosen: number | undefined;
    let usable = 0;
    this.replicas.forEach((replica, index) => {
      if (now < replica.validUntil && Math.random() * ++usable < 1) chosen = index;
    });
    return chosen;
  }

  /** One round now, or the one under way. */
  private check(): Promise<void> {
    this.round ??= this.probeAll().finally(() => {
      this.round = null;
    });
    return this.round;
  }

  private resume(): void {
    this.idle = false;
    this.lastPickAt = performance.now();
    this.tick();
  }

  private tick(): void {
    if (this.stopped) return;
    const began = performance.now();
    if (began - this.lastPickAt > (this.options.idleMs ?? IDLE_MS)) {
      this.idle = true;
      this.history = [];
      for (const probe of [this.primary, ...this.replicas]) {
        probe.validUntil = 0;
        void this.drop(probe);
      }
      return;
    }
    void this.check().finally(() => {
      if (this.stopped) return;
      this.timer = setTimeout(() => this.tick(), Math.max(0, this.timing.intervalMs - (performance.now() - began)));
      this.timer.unref();
    });
  }

  private async probeAll(): Promise<void> {
    const sentAt = performance.now();
    const validUntil = sentAt + this.timing.validForMs;
    const [primary, replayed] = await Promise.all([
      this.ask(this.primary, PRIMARY_POSITION),
      Promise.all(this.replicas.map((replica) => this.ask(replica, REPLAYED_POSITION))),
    ]);
    if (this.stopped || this.idle) return;
    if ('lsn' in primary && primary.lsn !== null) this.history.push({ sentAt, lsn: primary.lsn });
    const since = validUntil - this.options.maxLagMs;
    // Just after (re)starting, the oldest position known is later than the one a replica is held to: the verdict is
    // stricter than the bound, and a busy primary's replica may be found lagging for no reason. Not worth a line.
    const warmingUp = (this.history[0]?.sentAt ?? Number.POSITIVE_INFINITY) > since;
    this.history = pruneHistory(this.history, since);
    this.replicas.forEach((replica, index) => {
      const answer = replayed[index] ?? { error: 'not asked' };
      let verdict: Verdict;
      if ('error' in answer) verdict = { kind: 'failing', reason: answer.error };
      else if (answer.lsn === null) verdict = { kind: 'failing', reason: 'it is not a standby (not in recovery)' };
      else if (!('lsn' in primary)) verdict = { kind: 'failing', reason: `the primary did not say how far it is (${primary.error})` };
      else verdict = isWithinBound(this.history, answer.lsn, validUntil, this.options.maxLagMs) ? { kind: 'usable' } : { kind: 'lagging' };
      replica.validUntil = verdict.kind === 'usable' ? validUntil : 0;
      if (!(warmingUp && verdict.kind === 'lagging')) this.report(replica, verdict);
    });
  }

  /** Logs a replica's state when it changes, not on every round. */
  private report(replica: Probe, verdict: Verdict): void {
    if (verdict.kind === replica.logged) return;
    replica.logged = verdict.kind;
    if (verdict.kind === 'usable') this.log.info(`[db] replica ${replica.label} serves public reads (within ${this.options.maxLagMs} ms of the primary)`);
    else if (verdict.kind === 'lagging') this.log.warn(`[db] replica ${replica.label} is more than ${this.options.maxLagMs} ms behind the primary: its reads go to the primary`);
    else this.log.warn(`[db] replica ${replica.label} is not used, its reads go to the primary: ${verdict.reason}`);
  }

  /** One question to one server, answered within the verdict's lifetime or counted as a failure. */
  private async ask(probe: Probe, query: string): Promise<Answer> {
    probe.sql ??= postgres(probe.url, {
      max: 1,
      prepare: this.options.prepare,
      connect_timeout: 2,
      idle_timeout: 0,
      fetch_types: false,
      connection: { application_name: CHECK_APPLICATION_NAME },
      onnotice: () => {},
    });
    const sql = probe.sql;
    const limitMs = this.timing.validForMs;
    let timeout: NodeJS.Timeout | undefined;
    try {
      const [row] = await Promise.race([
        sql.unsafe<{ lsn: string | null; standby?: boolean }[]>(query),
        new Promise<never>((_, reject) => {
          timeout = setTimeout(() => reject(new Error(`no answer within ${limitMs} ms`)), limitMs);
        }),
      ]);
      return { lsn: row?.lsn && row.standby !== false ? parseLsn(row.lsn) : null };
    } catch (error) {
      // A connection that failed or hangs is dropped; the next round opens a new one.
      if (probe.sql === sql) void this.drop(probe);
      return { error: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timeout);
    }
  }

  private async drop(probe: Probe): Promise<void> {
    const sql = probe.sql;
    probe.sql = null;
    await sql?.end({ timeout: 0 }).catch(() => {});
  }
}
