import { randomBytes } from 'node:crypto';
import http from 'node:http';

import { expect, test } from '@playwright/test';
import postgres from 'postgres';

import { streamReader } from '../../lib/live-events';
import { fixture } from '../fixtures/newsroom';
import { databaseUrl, topology } from './topology';

/**
 * A live blog's stream (docs/adr/0026) across the cluster: one reader through nginx (deploy/nginx/newsroom.conf's
 * /api/live/ location, unbuffered), one on each instance directly. An entry written once reaches all three, each
 * instance hearing of it by PostgreSQL NOTIFY, nginx passing each event on as it comes.
 */

type Stream = { entries: Map<number, number>; request: http.ClientRequest; headers: Promise<http.IncomingHttpHeaders> };

function listen(url: string): Stream {
  const entries = new Map<number, number>();
  let resolveHeaders: (headers: http.IncomingHttpHeaders) => void = () => {};
  const headers = new Promise<http.IncomingHttpHeaders>((resolve) => (resolveHeaders = resolve));
  const request = http.get(url, { headers: { Accept: 'text/event-stream' }, agent: false }, (res) => {
    resolveHeaders({ ...res.headers, status: String(res.statusCode) });
    res.setEncoding('utf8');
    res.on(
      'data',
      streamReader(({ id, event }) => {
        if (id && event === 'entry') entries.set(Number(id), Date.now());
      }),
    );
  });
  request.on('error', () => {});
  return { entries, request, headers };
}

test('an entry reaches readers through nginx and on both instances, unbuffered', async () => {
  const sql = postgres(await databaseUrl(), { max: 1, onnotice: () => {} });
  const streams: Stream[] = [];
  try {
    const marker = randomBytes(3).toString('hex');
    const [story] = await sql<{ id: number }[]>`
      insert into articles (slug, section_id, headline, dek, body, format, status, published_at)
      select ${`cluster-live-${marker}`}, id, ${`Cluster live ${marker}`}, 'Live.', 'Live coverage.', 'live', 'published', now() - interval '1 hour'
      from sections where slug = ${fixture.desk.slug}
      returning id`;
    for (const origin of [topology.nginx, topology.a, topology.b]) streams.push(listen(`${origin}/api/live/${story!.id}`));
    for (const stream of streams) {
      const headers = await stream.headers;
      expect(headers.status).toBe('200');
      expect(headers['content-type']).toContain('text/event-stream');
    }

    // As postLiveEntry writes one: the row and its notice in one transaction, delivered at commit.
    const started = Date.now();
    const entryId = await sql.begin(async (tx) => {
      const [entry] = await tx<{ id: number }[]>`
        insert into live_entries (article_id, title, body, key_event, pinned) values (${story!.id}, '', 'Through every door.', false, false) returning id`;
      await tx`select pg_notify('live_entries', ${`${story!.id}:${entry!.id}:posted`})`;
      return entry!.id;
    });
    await expect.poll(() => streams.map((stream) => stream.entries.has(entryId)), { timeout: 5_000 }).toEqual([true, true, true]);
    // Within the issue's 2 s for every reader, nginx's included: an event held in a buffer would wait far longer.
    for (const stream of streams) expect(stream.entries.get(entryId)! - started).toBeLessThan(2_000);
  } finally {
    for (const stream of streams) stream.request.destroy();
    await sql.end();
  }
});
