import { createHmac, timingSafeEqual } from 'node:crypto';

import { env } from '@/lib/env';

/**
 * Signed links that work without signing in: unsubscribing from a list (from any message, for ever: links in old
 * messages must keep working) and confirming a newsletter subscription (double opt-in, for a week). The token names
 * the address and the lists; an HMAC-SHA256 with AUTH_SECRET over the purpose and the payload makes it unforgeable,
 * and the purpose keeps an unsubscribe token from confirming anything.
 */

/** What a reader can leave: reply and moderation notices, the daily briefing, or one section's digest. */
export type MailingList = 'replies' | 'moderation' | 'daily' | `section:${string}`;

const SECTION_LIST = /^section:[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isMailingList(value: unknown): value is MailingList {
  return typeof value === 'string' && (value === 'replies' || value === 'moderation' || value === 'daily' || (value.length <= 80 && SECTION_LIST.test(value)));
}

/** Newsletter lists only (the notices are switched on /account, not subscribed to). */
export function isNewsletterList(value: unknown): value is 'daily' | `section:${string}` {
  return isMailingList(value) && value !== 'replies' && value !== 'moderation';
}

export const CONFIRM_TTL_MS = 7 * 24 * 60 * 60 * 1000;

type Purpose = 'unsubscribe' | 'confirm';

function secret(): string {
  const value = env().AUTH_SECRET;
  if (!value) throw new Error('AUTH_SECRET is not set: mail links cannot be signed.');
  return value;
}

function mac(purpose: Purpose, payload: string): Buffer {
  return createHmac('sha256', secret()).update(`${purpose}\n${payload}`).digest();
}

function sign(purpose: Purpose, body: unknown): string {
  const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
  return `${payload}.${mac(purpose, payload).toString('base64url')}`;
}

/** The payload of a token signed for `purpose`, or null for anything else (tampered, truncated, garbage). */
function verify(purpose: Purpose, token: unknown): unknown {
  if (typeof token !== 'string' || token.length > 2000) return null;
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(purpose, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export function unsubscribeToken(email: string, list: MailingList): string {
  return sign('unsubscribe', { e: email.toLowerCase(), l: list });
}

export function readUnsubscribeToken(token: unknown): { email: string; list: MailingList } | null {
  const body = verify('unsubscribe', token);
  if (!isObject(body) || typeof body.e !== 'string' || !isMailingList(body.l)) return null;
  return { email: body.e, list: body.l };
}

/** The page a reader lands on from a message (it shows what will be unsubscribed and asks for a click). */
export function unsubscribeUrl(email: string, list: MailingList): string {
  return new URL(`/api/unsubscribe?t=${encodeURIComponent(unsubscribeToken(email, list))}`, env().SITE_URL).toString();
}

/** The RFC 8058 headers of notification and bulk mail: one-click unsubscribing by a POST to the same URL. */
export function listUnsubscribeHeaders(url: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

export function confirmToken(email: string, lists: readonly MailingList[], now: Date): string {
  return sign('confirm', { e: email.toLowerCase(), l: lists, x: now.getTime() + CONFIRM_TTL_MS });
}

export function readConfirmToken(token: unknown, now: Date): { email: string; lists: MailingList[] } | null {
  const body = verify('confirm', token);
  if (!isObject(body) || typeof body.e !== 'string' || typeof body.x !== 'number' || !Array.isArray(body.l)) return null;
  if (body.x < now.getTime() || body.l.length === 0 || !body.l.every(isNewsletterList)) return null;
  return { email: body.e, lists: body.l };
}

/** How a list is named to the reader. */
export function listLabel(list: MailingList, sectionNames: ReadonlyMap<string, string> = new Map()): string {
  if (list === 'replies') return 'e-mails about replies to your comments';
  if (list === 'moderation') return 'e-mails about your held comments';
  if (list === 'daily') return 'the daily briefing';
  const slug = list.slice('section:'.length);
  return `the ${sectionNames.get(slug) ?? slug} digest`;
}
