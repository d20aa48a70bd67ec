import { randomBytes } from 'node:crypto';

import { eq, like } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { signInThrottle, userSessions, users } from '@/db/schema';

import { EmailTakenError, WrongPasswordError } from '@/lib/errors';
import { clientAddressOf, parseTrustedProxies } from '@/server/client-address';

import { changePassword, createAccount, getAccountForClaims, getAccountForSession, revokeAllSessions, updateDisplayName, verifySignIn } from './accounts';
import { revokeSession, sessionKey, startSession } from './sessions';
import { THROTTLE, clearSignInThrottle, signInDelayMs } from './throttles';

const tag = randomBytes(4).toString('hex');
const email = (name: string) => `${name}-${tag}@example.org`;
const ip = (n: number) => `198.51.100.${n}-${tag}`;

afterEach(async () => {
  await getDb().delete(users).where(like(users.email, `%-${tag}@example.org`));
  await getDb().delete(signInThrottle).where(like(signInThrottle.key, `%${tag}%`));
});

describe('accounts', () => {
  it('creates a reader and refuses a second account with the same address, whatever its case', async () => {
    const user = await createAccount({ name: 'Ada', email: email('ada'), password: 'long enough pw' });
    expect(user.role).toBe('reader');
    await expect(createAccount({ name: 'Ada 2', email: email('ada').toUpperCase(), password: 'long enough pw' })).rejects.toBeInstanceOf(EmailTakenError);
  });

  it('signs in with the right password only, and gives one answer for unknown, wrong and disabled', async () => {
    await createAccount({ name: 'Bo', email: email('bo'), password: 'long enough pw' });
    expect(await verifySignIn(email('bo'), 'long enough pw', ip(1))).toMatchObject({ ok: true, user: { name: 'Bo' } });
    expect(await verifySignIn(email('bo'), 'wrong password!', ip(1))).toEqual({ ok: false, reason: 'invalid' });
    expect(await verifySignIn(email('nobody'), 'long enough pw', ip(1))).toEqual({ ok: false, reason: 'invalid' });
    await getDb().update(users).set({ disabledAt: new Date() }).where(eq(users.email, email('bo')));
    expect(await verifySignIn(email('bo'), 'long enough pw', ip(1))).toEqual({ ok: false, reason: 'invalid' });
  });

  it('takes comparable time for an unknown address and a wrong password', async () => {
    await createAccount({ name: 'Cy', email: email('cy'), password: 'long enough pw' });
    const time = async (address: string, n: number) => {
      const started = performance.now();
      await verifySignIn(address, 'wrong password!', ip(n));
      return performance.now() - started;
    };
    await time(email('warmup'), 2);
    const unknown = await time(email('unknown'), 3);
    const wrong = await time(email('cy'), 4);
    // Both run one scrypt: neither may be a fraction of the other.
    expect(unknown / wrong).toBeGreaterThan(0.5);
    expect(unknown / wrong).toBeLessThan(2);
  });

  it('limits attempts per account and client even when they arrive all at once', async () => {
    await createAccount({ name: 'Di', email: email('di'), password: 'long enough pw' });
    const results = await Promise.all(Array.from({ length: 12 }, () => verifySignIn(email('di'), 'wrong password!', ip(10))));
    expect(results.filter((result) => !result.ok && result.reason === 'invalid')).toHaveLength(THROTTLE.pairAttempts);
    expect(results.filter((result) => !result.ok && result.reason === 'throttled')).toHaveLength(12 - THROTTLE.pairAttempts);
    // That client is locked out of the account: even the right password is refused there until the lock ends …
    expect(await verifySignIn(email('di'), 'long enough pw', ip(10))).toMatchObject({ ok: false, reason: 'throttled', retryAfterSeconds: expect.any(Number) });
    // … and only there: the owner, from a client of their own, signs in.
    expect(await verifySignIn(email('di'), 'long enough pw', ip(99))).toMatchObject({ ok: true });
  });

  it('slows a guesser spread over many clients but still lets the owner in from a fresh one', async () => {
    await createAccount({ name: 'Em', email: email('em'), password: 'long enough pw' });
    const failures = THROTTLE.accountFreeFailures + 3;
    await Promise.all(Array.from({ length: failures }, (_, n) => verifySignIn(email('em'), 'wrong password!', ip(20 + n))));
    const started = performance.now();
    expect(await verifySignIn(email('em'), 'long enough pw', ip(98))).toMatchObject({ ok: true });
    // The account's delay after its free failures is spent (on top of one password hash).
    expect(performance.now() - started).toBeGreaterThanOrEqual(signInDelayMs(failures, THROTTLE.accountFreeFailures, THROTTLE.accountMaxDelayMs) - 5);
  });

  it('counts the address the server established: a new X-Forwarded-For from an untrusted peer resets nothing', async () => {
    await createAccount({ name: 'Gus', email: email('gus'), password: 'long enough pw' });
    const peer = ip(40);
    const nobodyTrusted = parseTrustedProxies(undefined);
    const answers = [];
    for (let n = 0; n < THROTTLE.pairAttempts + 1; n += 1) {
      answers.push(await verifySignIn(email('gus'), 'wrong password!', clientAddressOf(peer, `198.51.100.${n + 1}`, nobodyTrusted)));
    }
    expect(answers.at(-1)).toMatchObject({ ok: false, reason: 'throttled', retryAfterSeconds: expect.any(Number) });
    expect(await verifySignIn(email('gus'), 'long enough pw', clientAddressOf(peer, '192.0.2.77', nobodyTrusted))).toMatchObject({ ok: false, reason: 'throttled', retryAfterSeconds: expect.any(Number) });
  }, 60_000);

  it("lets a locked client try again once its lock and window are over", async () => {
    await createAccount({ name: 'Hy', email: email('hy'), password: 'long enough pw' });
    for (let n = 0; n < THROTTLE.pairAttempts + 1; n += 1) await verifySignIn(email('hy'), 'wrong password!', ip(50));
    expect(await verifySignIn(email('hy'), 'long enough pw', ip(50))).toMatchObject({ ok: false, reason: 'throttled', retryAfterSeconds: expect.any(Number) });
    // The clock moved on: the window began 16 minutes ago and the lock ended a minute ago.
    await getDb()
      .update(signInThrottle)
      .set({ windowStartedAt: new Date(Date.now() - 16 * 60_000), lockedUntil: new Date(Date.now() - 60_000) })
      .where(like(signInThrottle.key, `%${tag}%`));
    expect(await verifySignIn(email('hy'), 'long enough pw', ip(50))).toMatchObject({ ok: true });
  }, 60_000);

  it('clears every count of an account for a reset by e-mail, and nothing of another account', async () => {
    await createAccount({ name: 'Fi', email: email('fi'), password: 'long enough pw' });
    for (let n = 0; n < THROTTLE.pairAttempts + 1; n += 1) await verifySignIn(email('fi'), 'wrong password!', ip(30));
    for (let n = 0; n < THROTTLE.pairAttempts + 1; n += 1) await verifySignIn(email('other'), 'wrong password!', ip(31));
    expect(await verifySignIn(email('fi'), 'long enough pw', ip(30))).toMatchObject({ ok: false, reason: 'throttled', retryAfterSeconds: expect.any(Number) });
    await clearSignInThrottle(email('fi').toUpperCase());
    expect(await verifySignIn(email('fi'), 'long enough pw', ip(30))).toMatchObject({ ok: true });
    expect(await verifySignIn(email('other'), 'wrong password!', ip(31))).toMatchObject({ ok: false, reason: 'throttled', retryAfterSeconds: expect.any(Number) });
  }, 60_000);

  // Dozens of password hashes one after another (scrypt, deliberately slow): 15–18 s on a loaded 2-core machine.
  const SERIAL_HASHES_TIMEOUT = 90_000;

  it('slows, and never refuses, a client that failed on many accounts: one burst cannot lock out everyone behind its address', async () => {
    // Every reader behind a proxy that is not trusted shares one address: a guesser's burst from it…
    await createAccount({ name: 'Office', email: email('office'), password: 'long enough pw' });
    const results = [];
    for (let n = 0; n < THROTTLE.clientFreeFailures + 2; n += 1) results.push(await verifySignIn(email(`spray${n}`), 'wrong password!', ip(200)));
    expect(results.every((result) => !result.ok && result.reason === 'invalid')).toBe(true);
    // …slows the next attempt from that address by the client's delay, and a reader with the right password gets in.
    const started = performance.now();
    expect(await verifySignIn(email('office'), 'long enough pw', ip(200))).toMatchObject({ ok: true });
    expect(performance.now() - started).toBeGreaterThanOrEqual(signInDelayMs(THROTTLE.clientFreeFailures + 2, THROTTLE.clientFreeFailures, THROTTLE.clientMaxDelayMs) - 5);
  }, SERIAL_HASHES_TIMEOUT);

  it('does not count successful sign-ins against the address', async () => {
    await createAccount({ name: 'Office', email: email('busy-office'), password: 'long enough pw' });
    for (let n = 0; n < THROTTLE.clientFreeFailures + 5; n += 1) {
      expect(await verifySignIn(email('busy-office'), 'long enough pw', ip(201))).toMatchObject({ ok: true });
    }
    const rows = await getDb().select().from(signInThrottle).where(eq(signInThrottle.key, `ip:${ip(201)}`));
    expect(rows).toEqual([]);
  }, SERIAL_HASHES_TIMEOUT);

  it('tells the real wait of a locked pair, at most the pair lock', async () => {
    await createAccount({ name: 'Jo', email: email('jo'), password: 'long enough pw' });
    for (let n = 0; n < THROTTLE.pairAttempts; n += 1) await verifySignIn(email('jo'), 'wrong password!', ip(60));
    const refused = await verifySignIn(email('jo'), 'long enough pw', ip(60));
    expect(refused).toMatchObject({ ok: false, reason: 'throttled' });
    const wait = refused.ok || refused.reason !== 'throttled' ? 0 : refused.retryAfterSeconds;
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(THROTTLE.windowMinutes * 60);
  }, 60_000);

  it('re-reads role, ban and session version for a live session only', async () => {
    const user = await createAccount({ name: 'Ed', email: email('ed'), password: 'long enough pw' });
    const { sid } = (await startSession(user.id))!;
    await getDb().update(users).set({ role: 'editor', sessionVersion: 2, disabledAt: new Date() }).where(eq(users.id, user.id));
    expect(await getAccountForSession(user.id, sid)).toMatchObject({ role: 'editor', sessionVersion: 2, disabled: true });
    expect(await getAccountForClaims({ uid: user.id, sid, sv: 2 })).toBeNull();
    expect(await getAccountForSession('no-such-id', sid)).toBeNull();
    expect(await getAccountForSession(user.id, 'no-such-session')).toBeNull();
  });

  it('counts a session only while its row is live: not revoked, not expired, and of this user', async () => {
    const user = await createAccount({ name: 'Gil', email: email('gil'), password: 'long enough pw' });
    const other = await createAccount({ name: 'Hana', email: email('hana'), password: 'long enough pw' });
    const [first, second, third] = [(await startSession(user.id))!, (await startSession(user.id))!, (await startSession(user.id))!];
    const claims = (sid: string) => ({ uid: user.id, sid, sv: first.sessionVersion });
    expect(await getAccountForClaims(claims(first.sid))).toMatchObject({ id: user.id, name: 'Gil' });
    expect(await getAccountForClaims({ uid: other.id, sid: first.sid, sv: 1 })).toBeNull();

    await revokeSession(first.sid);
    expect(await getAccountForClaims(claims(first.sid))).toBeNull();
    expect(await getAccountForClaims(claims(second.sid))).not.toBeNull();

    await getDb().update(userSessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(userSessions.id, sessionKey(second.sid)));
    expect(await getAccountForClaims(claims(second.sid))).toBeNull();

    // Sign out everywhere ends every row of the account, even for a token that carries the new session version.
    await revokeAllSessions(user.id);
    expect(await getAccountForClaims({ ...claims(third.sid), sv: first.sessionVersion + 1 })).toBeNull();
    expect(await startSession('no-such-user')).toBeNull();
  });

  it('changes a display name, a password (after checking the old one) and revokes sessions', async () => {
    const user = await createAccount({ name: 'Flo', email: email('flo'), password: 'long enough pw' });
    await updateDisplayName(user.id, 'Florence');
    const { sid } = (await startSession(user.id))!;
    expect((await getAccountForSession(user.id, sid))?.name).toBe('Florence');

    await expect(changePassword(user.id, 'not my password', 'a brand new password')).rejects.toBeInstanceOf(WrongPasswordError);
    expect((await getAccountForSession(user.id, sid))?.sessionVersion).toBe(1);
    await changePassword(user.id, 'long enough pw', 'a brand new password');
    // The new password ends the session's row as well as bumping the version.
    expect(await getAccountForSession(user.id, sid)).toBeNull();
    const after = (await startSession(user.id))!;
    expect(after.sessionVersion).toBe(2);
    expect(await verifySignIn(email('flo'), 'long enough pw', ip(150))).toEqual({ ok: false, reason: 'invalid' });
    expect((await verifySignIn(email('flo'), 'a brand new password', ip(150))).ok).toBe(true);

    await revokeAllSessions(user.id);
    expect(await getAccountForSession(user.id, after.sid)).toBeNull();
    expect((await startSession(user.id))?.sessionVersion).toBe(3);
  });
});

