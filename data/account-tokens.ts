import 'server-only';

import { createHash, randomBytes } from 'node:crypto';

import { and, eq, gt, isNull, sql } from 'drizzle-orm';

import type { Transaction } from '@/db/client';
import { accountTokens } from '@/db/schema';
import { AccountTokenError } from '@/lib/errors';

export type AccountTokenKind = 'verify_email' | 'reset_password' | 'change_email';

/** How long each kind of link stays valid. */
export const TOKEN_LIFETIME_MINUTES: Record<AccountTokenKind, number> = { verify_email: 48 * 60, reset_password: 60, change_email: 24 * 60 };

/** Only this digest is stored: a copy of the table gives nobody a working link. */
export function hashAccountToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Makes a new single-use token for `userId` in the caller's transaction; returns the token for the link and its row id. */
export async function issueAccountToken(tx: Transaction, userId: string, kind: AccountTokenKind, newEmail: string | null = null): Promise<{ id: number; token: string }> {
  const token = randomBytes(32).toString('base64url');
  const [row] = await tx
    .insert(accountTokens)
    .values({ userId, kind, tokenHash: hashAccountToken(token), newEmail, expiresAt: sql`now() + make_interval(mins => ${TOKEN_LIFETIME_MINUTES[kind]})` })
    .returning({ id: accountTokens.id });
  return { id: row!.id, token };
}

/**
 * Spends a token of `kind` in the caller's transaction: one statement checks that it exists, is unused and has not
 * expired, and marks it used, so two requests with the same link cannot both succeed. Throws AccountTokenError.
 */
export async function spendAccountToken(tx: Transaction, kind: AccountTokenKind, token: string): Promise<{ userId: string; newEmail: string | null }> {
  const [row] = await tx
    .update(accountTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(accountTokens.tokenHash, hashAccountToken(token)), eq(accountTokens.kind, kind), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, sql`now()`)))
    .returning({ userId: accountTokens.userId, newEmail: accountTokens.newEmail });
  if (!row) throw new AccountTokenError();
  return row;
}

/** Whether a token of `kind` could be spent now (the reset page asks before showing its form); never spends it. */
export async function isAccountTokenUsable(tx: Transaction, kind: AccountTokenKind, token: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: accountTokens.id })
    .from(accountTokens)
    .where(and(eq(accountTokens.tokenHash, hashAccountToken(token)), eq(accountTokens.kind, kind), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, sql`now()`)))
    .limit(1);
  return Boolean(row);
}
