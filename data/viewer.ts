import 'server-only';

import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';

import { getToken } from 'next-auth/jwt';

import { auth } from '@/auth';
import { env } from '@/lib/env';
import { ForbiddenError } from '@/lib/errors';
import { can, type Capability } from '@/lib/permissions';
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

/**
 * The proxy's view of the visitor, for status codes only (it runs before any page): the session cookie decoded with
 * the server's secret, then the same database checks as getViewer.
 */
export async function getViewerForRequest(request: Request): Promise<Viewer | null> {
  const secret = env().AUTH_SECRET ?? process.env.AUTH_SECRET;
  if (!secret) return null;
  const secureCookie = /(^|;\s*)__Secure-authjs\.session-token/.test(request.headers.get('cookie') ?? '');
  const token = (await getToken({ req: request, secret, secureCookie })) as { uid?: unknown; sv?: unknown } | null;
  if (typeof token?.uid !== 'string') return null;
  const account = await getAccountForSession(token.uid);
  if (!account || account.disabled || account.sessionVersion !== token.sv) return null;
  return { id: account.id, name: account.name, role: account.role };
}

/** Signed-in users only: the viewer, or a redirect to the sign-in page that comes back to `returnTo`. */
export async function requireUser(returnTo = '/'): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return viewer;
}

/**
 * Pages: the viewer if they hold the capability; anonymous visitors go to sign-in (and come back to `returnTo`),
 * everyone else gets the not-found page, so a dashboard page never shows itself to a commenter.
 */
export async function requireCapability(capability: Capability, returnTo: string): Promise<Viewer> {
  const viewer = await requireUser(returnTo);
  if (!can(viewer, capability)) notFound();
  return viewer;
}

/** Actions that answer refusals with a message: the viewer if they hold the capability, otherwise null. */
export async function getViewerWith(capability: Capability): Promise<Viewer | null> {
  const viewer = await getViewer();
  return viewer && can(viewer, capability) ? viewer : null;
}

/** Actions and route handlers: the viewer if they hold the capability, otherwise a ForbiddenError. */
export async function authorize(capability: Capability): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer || !can(viewer, capability)) throw new ForbiddenError();
  return viewer;
}
