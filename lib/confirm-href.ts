/**
 * Addresses for the dashboard's confirmation step (components/dashboard/confirm.tsx, ADR 0016): the page itself with
 * its query, plus `confirm=…` and the dialog's anchor (so a page loaded without JavaScript scrolls to it).
 */
export type Query = Record<string, string | number | readonly (string | number)[] | null | undefined>;

/** `path` with the non-empty entries of `query`, in order (repeated keys for arrays). */
export function pageHref(path: string, query: Query = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      if (one !== null && one !== undefined && String(one) !== '') search.append(key, String(one));
    }
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** The confirmation step of `action` on the page at `path` (keeping `query`, e.g. the queue's tab and page). */
export function confirmHref(path: string, action: string, query: Query = {}): string {
  return `${pageHref(path, { ...query, confirm: action })}#confirm`;
}
