/**
 * The rules of counting a story's view (docs/adr/0027), pure so they are unit-tested: who is not counted (robots,
 * prefetches), which hour a view belongs to, what a beacon may say, and who the reader is for the hourly dedupe.
 */
import { createHmac } from 'node:crypto';

/** What became of a view: only 'counted' is written; the rest say why not. */
export type ViewOutcome = 'counted' | 'duplicate' | 'robot' | 'prefetch' | 'staff' | 'unknown';

export const HOUR_MS = 60 * 60 * 1000;
/** A beacon's body is `{"id":123}`: anything longer than this is not one. */
export const MAX_BEACON_BYTES = 256;

/**
 * User agents that announce a program rather than a person: search and social crawlers, link previewers, monitoring,
 * HTTP libraries and headless browsers. A robot that pretends to be a browser is counted like one (and, without
 * JavaScript, only if it loads the page's pixel).
 */
const ROBOT =
  /bot\b|bot\/|crawl|spider|slurp|mediapartners|facebookexternalhit|embedly|preview|headless|phantomjs|lighthouse|pingdom|uptime|monitor|curl\/|wget\/|python-|python\/|go-http-client|java\/|okhttp|axios\/|node-fetch|undici|libwww|httpclient|scrapy|feedfetcher|^$/i;

export function isRobot(userAgent: string | undefined): boolean {
  return ROBOT.test((userAgent ?? '').trim());
}

type Headers = Record<string, string | string[] | undefined>;
const header = (headers: Headers, name: string) => {
  const value = headers[name];
  return (Array.isArray(value) ? value.join(',') : (value ?? '')).toLowerCase();
};

/** A speculative load (Sec-Purpose: prefetch / prerender, or the older Purpose / X-Moz / X-Purpose): nobody read it. */
export function isPrefetch(headers: Headers): boolean {
  return /prefetch|prerender|preview/.test(`${header(headers, 'sec-purpose')} ${header(headers, 'purpose')} ${header(headers, 'x-purpose')} ${header(headers, 'x-moz')}`);
}

/** The start of the clock hour `at` is in (UTC milliseconds): a view's bucket and its dedupe window. */
export function hourOf(at: number): number {
  return Math.floor(at / HOUR_MS) * HOUR_MS;
}

/** An article id as a beacon may name it: a positive 32-bit integer, written plainly. */
export function parseArticleId(value: unknown): number | null {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
  if (!/^[1-9]\d{0,9}$/.test(text)) return null;
  const id = Number(text);
  return id <= 2_147_483_647 ? id : null;
}

/** The article id in a beacon's JSON body (`{"id":123}`), or null when the body is not one. */
export function parseBeacon(body: string): number | null {
  if (body.length > MAX_BEACON_BYTES) return null;
  try {
    const parsed: unknown = JSON.parse(body);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parseArticleId((parsed as { id?: unknown }).id) : null;
  } catch {
    return null;
  }
}

/**
 * Who the reader is for one hour, without a cookie or anything stored on their device: a keyed hash of their
 * address and user agent, keyed by the site's secret and the hour, so it cannot be reversed, changes every hour and
 * is the same on every instance (which share the secret). Readers behind one address with the same browser count as
 * one.
 */
export function readerKey(secret: string, hour: number, address: string, userAgent: string): string {
  return createHmac('sha256', `${secret}\0${hour}`).update(`${address}\0${userAgent}`).digest('base64url').slice(0, 22);
}
