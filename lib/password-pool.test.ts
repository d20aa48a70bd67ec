import { execFile } from 'node:child_process';
import { randomBytes, scrypt, scryptSync } from 'node:crypto';
import { promisify } from 'node:util';

import { afterEach, describe, expect, it } from 'vitest';

import { PasswordHashBusyError } from './errors';
import { ScryptPool, type ScryptJob } from './password-pool';
import { hashPassword, verifyPassword } from './passwords';

/** How the site hashed before the pool (libuv's scrypt, lib/passwords.ts until docs/adr/0024): stored hashes look like this. */
function oldHash(password: string): Promise<string> {
  const salt = randomBytes(16);
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, 64, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(['scrypt', 2 ** 15, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$')),
    );
  });
}

/** A job slow enough (64 MiB) that a second one must wait for it on a thread of one. */
const slowJob = (password = 'slow'): ScryptJob => ({ password, salt: randomBytes(16), keyLength: 64, N: 2 ** 16, r: 8, p: 1, maxmem: 128 * 1024 * 1024 });

const pools: ScryptPool[] = [];
const poolOf = (limits: ConstructorParameters<typeof ScryptPool>[0]) => {
  const pool = new ScryptPool(limits);
  pools.push(pool);
  return pool;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

describe('the password-hash pool', () => {
  it('verifies hashes stored by the old code path, and its hashes verify the old way', async () => {
    const stored = await oldHash('caf\u00e9 au lait');
    expect(await verifyPassword('cafe\u0301 au lait', stored)).toBe(true);
    expect(await verifyPassword('cafe au lait', stored)).toBe(false);

    const made = await hashPassword('correct horse battery');
    const [, n, r, p, salt, hash] = made.split('$');
    const key = scryptSync('correct horse battery', Buffer.from(salt!, 'base64url'), 64, { N: Number(n), r: Number(r), p: Number(p), maxmem: 64 * 1024 * 1024 });
    expect(key.toString('base64url')).toBe(hash);
  });

  it('derives the same key as node:crypto, and passes scrypt errors on', async () => {
    const pool = poolOf({ threads: 1, maxQueue: 4, maxWaitMs: 60_000 });
    const job = { ...slowJob('same key'), N: 1024 };
    expect((await pool.derive(job)).equals(scryptSync(job.password, job.salt, 64, { N: 1024, r: 8, p: 1 }))).toBe(true);
    await expect(pool.derive({ ...job, N: 1000 })).rejects.toThrow(/N|parameter|invalid/i);
  });

  it('runs at most `threads` hashes at once; the rest wait their turn and all finish', async () => {
    const pool = poolOf({ threads: 2, maxQueue: 10, maxWaitMs: 60_000 });
    let mostRunning = 0;
    const sample = setInterval(() => (mostRunning = Math.max(mostRunning, pool.load.running)), 5);
    const jobs = Array.from({ length: 6 }, (_, index) => pool.derive(slowJob(`parallel ${index}`)));
    expect(pool.load).toEqual({ running: 2, waiting: 4 });
    const keys = await Promise.all(jobs);
    clearInterval(sample);
    expect(mostRunning).toBe(2);
    expect(new Set(keys.map((key) => key.toString('hex'))).size).toBe(6);
    expect(pool.load).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses at once beyond its queue, and refuses a job that waited too long', async () => {
    const full = poolOf({ threads: 1, maxQueue: 1, maxWaitMs: 60_000 });
    const running = full.derive(slowJob());
    const waiting = full.derive(slowJob());
    await expect(full.derive(slowJob())).rejects.toBeInstanceOf(PasswordHashBusyError);
    await Promise.all([running, waiting]);

    const impatient = poolOf({ threads: 1, maxQueue: 10, maxWaitMs: 20 });
    const first = impatient.derive(slowJob());
    const started = performance.now();
    await expect(impatient.derive(slowJob())).rejects.toBeInstanceOf(PasswordHashBusyError);
    expect(performance.now() - started).toBeLessThan(1000);
    await first;
    // The refusal left nothing behind: the next job runs.
    expect((await impatient.derive(slowJob())).length).toBe(64);
  });

  it('does not keep a script alive once its hashing is done, and does not end it while a hash runs', async () => {
    const script = "const { hashPassword } = await import('./lib/passwords.ts'); console.log((await hashPassword('exit')).split('$')[0]);";
    const started = performance.now();
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { timeout: 30_000 });
    expect(stdout.trim()).toBe('scrypt');
    // Well under the timeout: an idle thread that kept the process alive would hang it until killed.
    expect(performance.now() - started).toBeLessThan(25_000);
  });
});
