import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { loadPublicArticleIds } from '@/data/view-tally';
import { getDb } from '@/db/client';
import { createFactory } from '@/test/factories';

import { PIXEL, serveViewBeacon } from './view-beacon';
import { PublicArticleIds, ViewCounter } from './view-counter';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const counter = new ViewCounter({ db: getDb(), publicIds: new PublicArticleIds(() => loadPublicArticleIds(getDb())), secret: 'test secret', log: () => {} });
// The front's answer to the beacon's addresses, with X-Forwarded-For as server/main.ts leaves it (the client's address).
const server = http.createServer((req, res) => void serveViewBeacon(req, res, counter));
let origin = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

let factory: ReturnType<typeof createFactory>;
beforeEach(() => {
  factory = createFactory();
});
afterEach(async () => {
  await factory.cleanUp();
});

const send = (path: string, init: RequestInit & { headers?: Record<string, string> } = {}) =>
  fetch(`${origin}${path}`, { ...init, headers: { 'user-agent': CHROME, 'x-forwarded-for': '192.0.2.10', ...init.headers } });

describe('the view beacon', () => {
  it('counts a reader once an hour with JavaScript (POST) and without (the pixel)', async () => {
    const section = await factory.section('Beacon');
    const story = await factory.article({ sectionId: section.id });

    const first = await send('/api/views', { method: 'POST', body: JSON.stringify({ id: story.id }) });
    expect(first.status).toBe(204);
    expect(first.headers.get('x-view')).toBe('counted');
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect((await send('/api/views', { method: 'POST', body: JSON.stringify({ id: story.id }) })).headers.get('x-view')).toBe('duplicate');

    const pixel = await send(`/api/views/pixel.gif?id=${story.id}`, { headers: { 'x-forwarded-for': '192.0.2.11' } });
    expect(pixel.status).toBe(200);
    expect(pixel.headers.get('content-type')).toBe('image/gif');
    expect(pixel.headers.get('x-view')).toBe('counted');
    expect(Buffer.from(await pixel.arrayBuffer())).toEqual(PIXEL);

    expect(await counter.flush()).toBe(2);
    const [row] = await getDb().execute<{ views: number }>(sql`select sum(views)::int as views from article_views where article_id = ${story.id}`);
    expect(row?.views).toBe(2);
  });

  it('answers hostile requests with a 4xx and counts nothing', async () => {
    const section = await factory.section('Beacon');
    const story = await factory.article({ sectionId: section.id });
    const draft = await factory.article({ sectionId: section.id, status: 'draft', publishedAt: null });

    const get = await send('/api/views');
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect((await send('/api/views/pixel.gif?id=1', { method: 'POST', body: '{}' })).status).toBe(405);
    expect((await send('/api/views', { method: 'POST', body: 'x'.repeat(10_000) })).status).toBe(413);
    expect((await send('/api/views', { method: 'POST', body: 'not json' })).status).toBe(400);
    expect((await send('/api/views', { method: 'POST', body: '{"id":"drop table"}' })).status).toBe(400);
    expect((await send('/api/views/pixel.gif?id=abc')).status).toBe(400);
    expect((await send('/api/views', { method: 'POST', body: JSON.stringify({ id: draft.id }) })).status).toBe(404);
    expect((await send('/api/views', { method: 'POST', body: JSON.stringify({ id: 2_000_000_000 }) })).status).toBe(404);
    expect((await send('/api/views', { method: 'POST', body: JSON.stringify({ id: story.id }), headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);

    const robot = await send('/api/views', { method: 'POST', body: JSON.stringify({ id: story.id }), headers: { 'user-agent': 'Googlebot/2.1' } });
    expect(robot.status).toBe(204);
    expect(robot.headers.get('x-view')).toBe('robot');
    expect(await counter.flush()).toBe(0);
  });
});
