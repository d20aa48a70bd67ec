import type { Capability } from './permissions';

/**
 * The capability each dashboard area needs, by path. The proxy uses it only to answer with the right status code
 * (sign-in redirect or 404) before a page streams; every page, action and data function checks again itself.
 */
const AREAS: [prefix: string, capability: Capability][] = [
  ['/dashboard/comments', 'comment:moderate'],
  ['/dashboard/people', 'user:manage'],
  ['/dashboard/audit', 'user:manage'],
  ['/dashboard/sections', 'article:publish'],
  ['/dashboard/tags', 'article:publish'],
  ['/dashboard/authors', 'article:publish'],
];

export function isDashboardPath(pathname: string): boolean {
  return pathname === '/dashboard' || pathname.startsWith('/dashboard/');
}

export function dashboardCapability(pathname: string): Capability {
  const area = AREAS.find(([prefix]) => pathname === prefix || pathname.startsWith(`${prefix}/`));
  return area ? area[1] : 'article:write';
}
