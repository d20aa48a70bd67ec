import { randomBytes, timingSafeEqual } from 'node:crypto';
import { availableParallelism } from 'node:os';

import { env } from './env';
import { ScryptPool } from './password-pool';

/** scrypt (memory-hard, from node:crypto): N=2^15, r=8, p=1 uses 32 MiB and ~60 ms per hash on this hardware. */
const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 64;
const MAX_MEMORY = 64 * 1024 * 1024;

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './passwords-policy';

let pool: ScryptPool | undefined;

/**
 * The process's password-hash pool (lib/password-pool.ts, docs/adr/0024): PASSWORD_HASH_THREADS threads (default:
 * one fewer than the CPUs, at least one, so hashing never takes every core from the event loop).
 */
export function passwordPool(): ScryptPool {
  const { PASSWORD_HASH_THREADS, PASSWORD_HASH_QUEUE, PASSWORD_HASH_MAX_WAIT_MS } = env();
  pool ??= new ScryptPool({
    threads: PASSWORD_HASH_THREADS ?? Math.max(1, availableParallelism() - 1),
    maxQueue: PASSWORD_HASH_QUEUE,
    maxWaitMs: PASSWORD_HASH_MAX_WAIT_MS,
  });
  return pool;
}

/** Throws PasswordHashBusyError when the pool is full (lib/password-pool.ts). */
function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  return passwordPool().derive({ password: password.normalize('NFKC'), salt, keyLength: KEY_LENGTH, ...params, maxmem: MAX_MEMORY });
}

/** "scrypt$N$r$p$salt$hash" (base64url), with a fresh 16-byte salt per password. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Constant-time comparison; false for anything malformed. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * A hash of a password nobody has, checked against when the e-mail is unknown, so that an unknown account and a
 * wrong password take the same time and get the same answer. A refusal (a full pool) is not kept: the next call tries again.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(24).toString('base64url')).catch((error: unknown) => {
    decoy = undefined;
    throw error;
  });
  return decoy;
}
