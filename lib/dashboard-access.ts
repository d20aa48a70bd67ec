import type { Capability } from './permissions';
import { parseSerialId } from './query-params';

/**
 * The capability each dashboard area needs, by path. The proxy uses it only to answer with the right status code
 * (sign-in redirect or 404) before a page streams; every page, action and data function checks again itself.
 */
const AREAS: [prefix: string, capability: Capability][] = [
  ['/dashboard/comments', 'comment:moderate'],
  ['/dashboard/people', 'user:manage'],
  ['/dashboard/audit', 'user:manage'],
  ['/dashboard/front', 'article:publish'],
  ['/dashboard/sections', 'article:publish'],
  ['/dashboard/tags', 'article:publish'],
  ['/dashboard/authors', 'article:publish'],
  ['/dashboard/newsletters', 'newsletter:send'],
];

export function isDashboardPath(pathname: string): boolean {
  return pathname === '/dashboard' || pathname.startsWith('/dashboard/');
}

export function dashboardCapability(pathname: string): Capability {
  const area = AREAS.find(([prefix]) => pathname === prefix || pathname.startsWith(`${prefix}/`));
  return area ? area[1] : 'article:write';
}

export const DASHBOARD_RECORD_AREAS = ['articles', 'authors', 'images', 'people', 'sections', 'tags'] as const;
export type DashboardRecordArea = (typeof DASHBOARD_RECORD_AREAS)[number];
export type DashboardRecord = { area: 'people'; id: string } | { area: Exclude<DashboardRecordArea, 'people'>; id: number };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The record a dashboard page is about (`/dashboard/articles/12/history` → articles #12), so the proxy can answer a
 * missing one with a real 404. `'malformed'` for an id that cannot exist; null for pages that are not about one
 * record (lists, `new`). People have UUIDs, everything else serial ids.
 */
export function dashboardRecordOf(pathname: string): DashboardRecord | 'malformed' | null {
  const match = /^\/dashboard\/([a-z]+)\/([^/]+)(?:\/|$)/.exec(pathname);
  if (!match) return null;
  const area = DASHBOARD_RECORD_AREAS.find((name) => name === match[1]);
  const idText = match[2]!;
  if (!area || idText === 'new') return null;
  if (area === 'people') return UUID.test(idText) ? { area, id: idText.toLowerCase() } : 'malformed';
  const id = parseSerialId(idText);
  return id ? { area, id } : 'malformed';
}
