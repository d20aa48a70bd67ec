import 'server-only';

import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';

import { getToken } from 'next-auth/jwt';

import { auth } from '@/auth';
import { env } from '@/lib/env';
import { ForbiddenError } from '@/lib/errors';
import { can, type Capability } from '@/lib/permissions';
import type { UserRole } from '@/lib/roles';

import { getAccountForClaims, type SessionClaims } from './accounts';

export type Viewer = { id: string; name: string; role: UserRole };

/**
 * The signed-in visitor, or null. The session cookie only names the user and its session: the session's row, role,
 * ban and session version are read from the database on every request, so a sign-out (even of a copied cookie), a
 * demotion, a ban or "sign out everywhere" applies at once.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = (await auth()) as SessionClaims | null;
  const account = session && (await getAccountForClaims(session));
  return account ? { id: account.id, name: account.name, role: account.role } : null;
});

/**
 * The proxy's view of the visitor, for status codes only (it runs before any page): the session cookie decoded with
 * the server's secret, then the same database checks as getViewer.
 */
export async function getViewerForRequest(request: Request): Promise<Viewer | null> {
  const secret = env().AUTH_SECRET;
  if (!secret) return null;
  const secureCookie = /(^|;\s*)__Secure-authjs\.session-token/.test(request.headers.get('cookie') ?? '');
  const token = (await getToken({ req: request, secret, secureCookie })) as SessionClaims | null;
  const account = token && (await getAccountForClaims(token));
  return account ? { id: account.id, name: account.name, role: account.role } : null;
}

/*
 * The guards, named for what happens when the visitor may not: pages redirect to sign-in or show the not-found page,
 * actions and data functions throw, and `viewerWith` answers null for the caller to decide.
 */

/** Pages for any signed-in user: the viewer, or a redirect to sign-in that comes back to `returnTo`. */
export async function viewerOrRedirect(returnTo = '/'): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return viewer;
}

/**
 * Pages: the viewer if they hold the capability; anonymous visitors go to sign-in (and come back to `returnTo`),
 * everyone else gets the not-found page, so a dashboard page never shows itself to a commenter.
 */
export async function viewerWithOrNotFound(capability: Capability, returnTo: string): Promise<Viewer> {
  const viewer = await viewerOrRedirect(returnTo);
  if (!can(viewer, capability)) notFound();
  return viewer;
}

/** The viewer if they hold the capability, otherwise null (anonymous, disabled, or a role without it). */
export async function viewerWith(capability: Capability): Promise<Viewer | null> {
  const viewer = await getViewer();
  return viewer && can(viewer, capability) ? viewer : null;
}

/** Actions, route handlers and data: the viewer if they hold the capability, otherwise a ForbiddenError. */
export async function viewerWithOrThrow(capability: Capability): Promise<Viewer> {
  const viewer = await viewerWith(capability);
  if (!viewer) throw new ForbiddenError();
  return viewer;
}
