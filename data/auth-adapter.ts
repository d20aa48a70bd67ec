import 'server-only';

import { DrizzleAdapter } from '@auth/drizzle-adapter';

import { getDb } from '@/db/client';
import { accounts, sessions, users, verificationTokens } from '@/db/schema';

/** Auth.js's storage for users and OAuth accounts (sessions are JWTs; see auth.config.ts). */
export function createAuthAdapter() {
  return DrizzleAdapter(getDb(), { usersTable: users, accountsTable: accounts, sessionsTable: sessions, verificationTokensTable: verificationTokens });
}
