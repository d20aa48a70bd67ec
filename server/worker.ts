/**
 * Runs the background jobs (server/jobs.ts) of one process: each on its interval, and at once when its NOTIFY channel
 * fires; never two runs of one job at a time in this process. Runs inside `npm start` (server/main.ts) unless
 * WORKER=off, and alone as `npm run worker` (scripts/worker.ts). stop() lets the runs under way finish.
 */
import { setMaxListeners } from 'node:events';

import type postgres from 'postgres';

export type PeriodicJob = {
  name: string;
  /** Runs this often at least (the fallback when a notification is missed, and the retry of a failed run). */
  everyMs: number;
  /** A PostgreSQL NOTIFY channel that makes it run at once, for example 'mail_queued'. */
  wakeOn?: string;
  /**
   * 'every worker': each worker process runs it, the job shares the work out itself (mail delivery claims rows).
   * 'one worker': a run is skipped while another process's run of the same job holds its advisory lock.
   */
  runsOn: 'every worker' | 'one worker';
  /** `signal` aborts when the worker stops: finish the item under way, start no other. */
  run(signal: AbortSignal): Promise<void>;
};

type Log = { error(line: string): void };

export class Worker {
  private readonly controller = new AbortController();
  private readonly running = new Map<string, Promise<void>>();
  /** Jobs triggered while running: they run once more right after. */
  private readonly pending = new Set<string>();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly listeners: postgres.ListenMeta[] = [];

  constructor(
    private readonly jobs: readonly PeriodicJob[],
    private readonly sql: postgres.Sql,
    private readonly log: Log = console,
  ) {
    // Every send under way may wait on the stop signal (mail delivery's lanes): more than Node's default of 10.
    setMaxListeners(0, this.controller.signal);
  }

  async start(): Promise<void> {
    for (const job of this.jobs) {
      if (job.wakeOn) await this.listen(job, job.wakeOn);
      else this.trigger(job);
      this.timers.push(setInterval(() => this.trigger(job), job.everyMs));
    }
  }

  private async listen(job: PeriodicJob, channel: string): Promise<void> {
    try {
      // The second callback runs on every (re)connection of the listening connection: what was queued while it was
      // away is picked up then rather than at the next interval.
      this.listeners.push(await this.sql.listen(channel, () => this.trigger(job), () => this.trigger(job)));
    } catch (error) {
      this.log.error(`[worker] could not listen on ${channel} (${error instanceof Error ? error.message : String(error)}): ${job.name} runs every ${Math.round(job.everyMs / 1000)} s only`);
      this.trigger(job);
    }
  }

  /** Stops triggering, then waits for the runs under way (each finishes what it is doing). */
  async stop(): Promise<void> {
    this.controller.abort();
    for (const timer of this.timers) clearInterval(timer);
    await Promise.all(this.listeners.map((listener) => listener.unlisten().catch(() => {})));
    while (this.running.size > 0) await Promise.all(this.running.values());
  }

  private trigger(job: PeriodicJob): void {
    if (this.controller.signal.aborted) return;
    if (this.running.has(job.name)) {
      this.pending.add(job.name);
      return;
    }
    const run = this.runOnce(job).finally(() => {
      this.running.delete(job.name);
      if (this.pending.delete(job.name)) this.trigger(job);
    });
    this.running.set(job.name, run);
  }

  private async runOnce(job: PeriodicJob): Promise<void> {
    const { signal } = this.controller;
    try {
      if (job.runsOn === 'every worker') {
        await job.run(signal);
        return;
      }
      // A transaction-scoped lock: released when the run ends, or when this process's connection dies with it.
      await this.sql.begin(async (tx) => {
        const [row] = await tx<{ locked: boolean }[]>`select pg_try_advisory_xact_lock(hashtext(${`worker:${job.name}`})) as locked`;
        if (row?.locked) await job.run(signal);
      });
    } catch (error) {
      this.log.error(`[worker] ${job.name} failed, tried again within ${Math.round(job.everyMs / 1000)} s: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
