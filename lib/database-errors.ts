/**
 * Whether an error means the database cannot be reached (refused, dropped, shutting down, starting up, too slow to
 * connect), as opposed to a query that failed. Looks through Drizzle's wrapper at postgres.js's error.
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'EPIPE',
  'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT',
  // PostgreSQL: connection exceptions, admin/crash shutdown, cannot connect now (starting up or recovering).
  '08000', '08001', '08003', '08004', '08006', '57P01', '57P02', '57P03',
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== 'object') return false;
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
