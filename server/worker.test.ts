import { afterEach, describe, expect, it } from 'vitest';

import { connect } from '@/db/client';

import { Worker, type PeriodicJob } from './worker';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

async function startWorker(jobs: PeriodicJob[]) {
  const { sql } = connect(process.env.DATABASE_URL!, { max: 2 });
  const errors: string[] = [];
  const worker = new Worker(jobs, sql, { error: (line) => errors.push(line) });
  await worker.start();
  stops.push(async () => {
    await worker.stop();
    await sql.end({ timeout: 5 });
  });
  return { worker, errors };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the background worker', () => {
  it("runs a 'one worker' job in one process at a time across workers, and each worker's runs one after another", async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    const job: PeriodicJob = {
      name: `test-exclusive-${process.pid}-${Date.now()}`,
      everyMs: 20,
      runsOn: 'one worker',
      async run() {
        running++;
        most = Math.max(most, running);
        runs++;
        await pause(60);
        running--;
      },
    };
    await startWorker([job]);
    await startWorker([job]);
    await pause(700);
    expect(runs).toBeGreaterThan(3);
    expect(most).toBe(1);
  });

  it('wakes a job on its NOTIFY channel, keeps running after a failed run, and lets the run under way finish on stop', async () => {
    const channel = `test_wake_${process.pid}`;
    let runs = 0;
    let finished = 0;
    const job: PeriodicJob = {
      name: 'test-wake',
      everyMs: 60_000,
      wakeOn: channel,
      runsOn: 'every worker',
      async run(signal) {
        runs++;
        if (runs === 1) throw new Error('the first run fails');
        await pause(200);
        expect(signal.aborted).toBe(true);
        finished++;
      },
    };
    // Listening starts with a run (whatever was queued while no one listened).
    const { worker, errors } = await startWorker([job]);
    await pause(300);
    expect(runs).toBe(1);
    expect(errors).toEqual(['[worker] test-wake failed, tried again within 60 s: the first run fails']);
    const { sql } = connect(process.env.DATABASE_URL!, { max: 1 });
    stops.push(() => sql.end({ timeout: 5 }));
    await sql`select pg_notify(${channel}, '')`;
    await pause(100);
    await worker.stop();
    expect(runs).toBe(2);
    expect(finished).toBe(1);
  });
});
