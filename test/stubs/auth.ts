/**
 * Stand-in for '@/auth' in tests that call actions: auth() answers with the session the test signed in, so the real
 * viewer checks (session row, account re-read from the database, disabled, session version) decide. Each such test
 * file says `vi.mock('@/auth', () => import('@/test/stubs/auth'))` (vi.mock is hoisted only in the test file itself).
 */
import { startSession } from '@/data/sessions';

type Session = { uid: string; sid: string; sv: number };

let current: { uid: string; sv: number; sid?: Promise<string> } | null = null;

export async function auth(): Promise<Session | null> {
  if (!current) return null;
  // The session row is made on first use, as a real sign-in would have made it (an unknown user gets none).
  current.sid ??= startSession(current.uid).then((session) => session?.sid ?? 'no-session');
  return { uid: current.uid, sid: await current.sid, sv: current.sv };
}

/** Who the next action calls come from: a user (with the session version their cookie would carry), or nobody. */
export function signInAs(user: { id: string } | null, sessionVersion = 1): void {
  current = user ? { uid: user.id, sv: sessionVersion } : null;
}
