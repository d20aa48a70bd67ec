import { randomBytes } from 'node:crypto';

import { eq, like } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { newsletterSubscriptions } from '@/db/schema';
import { unsubscribeToken } from '@/lib/mail/list-tokens';

import { GET, POST } from './route';

const run = randomBytes(4).toString('hex');
afterEach(async () => {
  await getDb().delete(newsletterSubscriptions).where(like(newsletterSubscriptions.email, `%${run}%`));
});

const url = (token: string) => `http://localhost:3000/api/unsubscribe?t=${encodeURIComponent(token)}`;
const oneClick = (token: string, init: { body?: string | FormData; type?: string } = {}) =>
  new NextRequest(url(token), {
    method: 'POST',
    body: init.body ?? 'List-Unsubscribe=One-Click',
    headers: init.type === undefined ? { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://mail.provider.example' } : { 'content-type': init.type },
  });

async function subscriber(name: string) {
  const email = `${name}-${run}@example.test`;
  await getDb().insert(newsletterSubscriptions).values({ email, list: 'daily', confirmedAt: new Date() });
  return email;
}
const unsubscribedAt = async (email: string) => (await getDb().select().from(newsletterSubscriptions).where(eq(newsletterSubscriptions.email, email)))[0]!.unsubscribedAt;

describe('/api/unsubscribe', () => {
  it('GET changes nothing and leads to the page that asks for a click', async () => {
    const email = await subscriber('get');
    const response = GET(new NextRequest(url(unsubscribeToken(email, 'daily'))));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/unsubscribe\?t=/);
    expect(await unsubscribedAt(email)).toBeNull();
  });

  it('a one-click POST from the mail provider (another site, no cookies) unsubscribes and answers 200', async () => {
    const email = await subscriber('post');
    const response = await POST(oneClick(unsubscribeToken(email, 'daily')));
    expect(response.status).toBe(200);
    expect(await unsubscribedAt(email)).not.toBeNull();
    const form = new FormData();
    form.set('List-Unsubscribe', 'One-Click');
    const multipart = new NextRequest(url(unsubscribeToken(email, 'daily')), { method: 'POST', body: form });
    expect((await POST(multipart)).status).toBe(200);
  });

  it('answers 400, never 500, to garbage and tampered tokens or a body without the one-click field', async () => {
    const email = await subscriber('bad');
    const token = unsubscribeToken(email, 'daily');
    for (const bad of ['', 'garbage', `${token}x`, `x${token}`, '%E0%A4%A', 'a.b.c']) expect((await POST(oneClick(bad))).status).toBe(400);
    expect((await POST(oneClick(token, { body: 'something=else' }))).status).toBe(400);
    expect((await POST(oneClick(token, { body: '--broken', type: 'multipart/form-data; boundary=zzz' }))).status).toBe(400);
    expect(await unsubscribedAt(email)).toBeNull();
  });
});
