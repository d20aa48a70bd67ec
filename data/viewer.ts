import 'server-only';

import { redirect } from 'next/navigation';
import { cache } from 'react';

import { auth } from '@/auth';
import type { UserRole } from '@/lib/roles';

import { getAccountForSession } from './accounts';

export type Viewer = { id: string; name: string; role: UserRole };

/**
 * The signed-in visitor, or null. The session cookie only names the user: role, ban and session version are read
 * from the database on every request, so a demotion, a ban or "sign out everywhere" applies at once.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = (await auth()) as { uid?: string; sv?: number } | null;
  if (!session?.uid) return null;
  const account = await getAccountForSession(session.uid);
  if (!account || account.disabled || account.sessionVersion !== session.sv) return null;
  return { id: account.id, name: account.name, role: account.role };
});

/** Signed-in users only: the viewer, or a redirect to the sign-in page that comes back to `returnTo`. */
export async function requireUser(returnTo = '/'): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return viewer;
}
