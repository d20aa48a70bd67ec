/** Parses the `N` of `/page/N`: a canonical positive integer (no "01", no "1e3"), or null. */
export function parsePageNumber(value: string): number | null {
  if (!/^[1-9][0-9]{0,5}$/.test(value)) return null;
  return Number(value);
}
