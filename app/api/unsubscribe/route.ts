import { type NextRequest } from 'next/server';

import { unsubscribe } from '@/data/newsletter-subscriptions';
import { readUnsubscribeToken } from '@/lib/mail/list-tokens';

/**
 * The List-Unsubscribe address of every notification and newsletter message (RFC 8058). A GET (a reader's click, or a
 * mail scanner's) changes nothing: it leads to the page that asks for a click. A POST whose body is
 * `List-Unsubscribe=One-Click` is the mail provider's one-click unsubscribe: no cookies, no sign-in, answered 200. It
 * sits under /api, which the proxy's same-site check of server-action posts does not cover, so the provider's
 * cross-site POST is not refused. A token that is not ours is a 400, never a 500.
 */
const plain = (status: number, message: string) => new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

export function GET(request: NextRequest) {
  const token = request.nextUrl.searchParams.get('t') ?? '';
  return new Response(null, { status: 303, headers: { Location: `/unsubscribe?t=${encodeURIComponent(token)}`, 'Cache-Control': 'no-store' } });
}

/** The body's fields, whichever encoding the provider used; null when it cannot be read. */
async function formOf(request: NextRequest): Promise<FormData | URLSearchParams | null> {
  const type = request.headers.get('content-type') ?? '';
  try {
    if (type.startsWith('multipart/form-data')) return await request.formData();
    return new URLSearchParams(await request.text());
  } catch {
    return null;
  }
}

export async function POST(request: NextRequest) {
  const token = readUnsubscribeToken(request.nextUrl.searchParams.get('t'));
  if (!token) return plain(400, 'This unsubscribe link is not valid.');
  const form = await formOf(request);
  if (form?.get('List-Unsubscribe') !== 'One-Click') return plain(400, 'Expected List-Unsubscribe=One-Click (RFC 8058).');
  await unsubscribe(token.email, token.list);
  return plain(200, 'You are unsubscribed.');
}
