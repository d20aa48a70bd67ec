/**
 * Stand-in for '@/auth' in tests that call actions: auth() answers with the session the test signed in, so the real
 * viewer checks (account re-read from the database, disabled, session version) decide. Each such test file says
 * `vi.mock('@/auth', () => import('@/test/stubs/auth'))` (vi.mock is hoisted only in the test file itself).
 */
type Session = { uid: string; sv: number };

let current: Session | null = null;

export async function auth(): Promise<Session | null> {
  return current;
}

/** Who the next action calls come from: a user (with the session version their cookie would carry), or nobody. */
export function signInAs(user: { id: string } | null, sessionVersion = 1): void {
  current = user ? { uid: user.id, sv: sessionVersion } : null;
}
