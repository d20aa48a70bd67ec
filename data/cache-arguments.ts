import { parseSerialId } from '@/lib/validation/common';

/**
 * The arguments of a `'use cache'` function are its caller's. The site's pages pass checked values, but Next registers
 * every such function as a server reference, so a function must not trust a shape its types promise: an id that is
 * not one gets an empty answer, never a database error (and never a query).
 */

/** A PostgreSQL serial passed by code: a positive integer that fits in `integer`. Page and chunk numbers share the range. */
export function isSerialId(value: unknown): value is number {
  return typeof value === 'number' && parseSerialId(value) !== undefined;
}
