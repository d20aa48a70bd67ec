import { parseSerialId } from './validation/common';

/** Reading a page's search parameters leniently: one string, or undefined for absent, repeated or empty values. */
export function oneParam(params: Record<string, string | string[] | undefined>, key: string): string | undefined {
  const value = params[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A serial id (a positive PostgreSQL integer) written out in a URL, or undefined: the one rule, lib/validation/common. */
export { parseSerialId };

/** A positive integer parameter, or undefined. */
export function idParam(params: Record<string, string | string[] | undefined>, key: string): number | undefined {
  return parseSerialId(oneParam(params, key));
}
