/** Reading a page's search parameters leniently: one string, or undefined for absent, repeated or empty values. */
export function oneParam(params: Record<string, string | string[] | undefined>, key: string): string | undefined {
  const value = params[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A serial id (a positive PostgreSQL integer) written out in a URL, or undefined. */
export function parseSerialId(value: string | undefined): number | undefined {
  return value && /^[1-9][0-9]{0,9}$/.test(value) && Number(value) <= 2_147_483_647 ? Number(value) : undefined;
}

/** A positive integer parameter, or undefined. */
export function idParam(params: Record<string, string | string[] | undefined>, key: string): number | undefined {
  return parseSerialId(oneParam(params, key));
}
