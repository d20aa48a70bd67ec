import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { articles } from '@/db/schema';
import { closeLiveBlog, deleteLiveEntry, postLiveEntry } from '@/data/live-entries';
import { readLiveState, readPublicLiveEntriesAfter, readPublicLiveEntry } from '@/data/live-stream';
import { parseLivePath, streamReader, type LiveEvent } from '@/lib/live-blog';
import { createFactory } from '@/test/factories';

import { LiveHub } from './live-hub';

/** The live hub with real LISTEN/NOTIFY: two hubs stand for two instances of the site on one database. */

const reads = { state: (id: number) => readLiveState(id), entry: (id: number, entryId: number) => readPublicLiveEntry(id, entryId), after: (id: number, after: number) => readPublicLiveEntriesAfter(id, after) };

type Instance = { hub: LiveHub; server: http.Server; port: number };
let factory: ReturnType<typeof createFactory>;
const instances: Instance[] = [];
const streams: http.ClientRequest[] = [];

async function instance(): Promise<Instance> {
  const hub = new LiveHub({ url: process.env.DATABASE_URL!, reads, timeZone: 'UTC' });
  await hub.start();
  const server = http.createServer((req, res) => {
    const id = parseLivePath(req.url);
    if (id === null) res.writeHead(404).end();
    else void hub.serve(id, req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const made = { hub, server, port: (server.address() as AddressInfo).port };
  instances.push(made);
  return made;
}

type Stream = { status: number; events: (LiveEvent & { eventId?: string })[]; ended: Promise<void> };

function open(port: number, path: string, headers: Record<string, string> = {}): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, headers }, (res) => {
      const stream: Stream = { status: res.statusCode ?? 0, events: [], ended: new Promise((done) => res.once('end', done)) };
      res.setEncoding('utf8');
      res.on(
        'data',
        streamReader(({ id, data }) => {
          if (data) stream.events.push({ ...(JSON.parse(data) as LiveEvent), ...(id ? { eventId: id } : {}) });
        }),
      );
      resolve(stream);
    });
    req.on('error', reject);
    streams.push(req);
  });
}

beforeEach(() => {
  factory = createFactory();
});
afterEach(async () => {
  for (const req of streams.splice(0)) req.destroy();
  for (const { hub, server } of instances.splice(0)) {
    await hub.stop();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await factory.cleanUp();
});

async function liveBlog() {
  const section = await factory.section('Live desk');
  const story = await factory.article({ sectionId: section.id, headline: 'Storm, live' });
  await getDb().update(articles).set({ format: 'live' }).where(eq(articles.id, story.id));
  return story;
}

const entry = { title: 'Landfall', body: 'The storm made **landfall**.', imageId: null, imageAlt: '', keyEvent: true, pinned: false };

describe('LiveHub', () => {
  it('sends an entry posted through one instance to readers of every instance, rendered, with its id', async () => {
    const editor = await factory.user('editor');
    const story = await liveBlog();
    const [a, b] = [await instance(), await instance()];
    const readers = await Promise.all([open(a.port, `/api/live/${story.id}`), open(a.port, `/api/live/${story.id}`), open(b.port, `/api/live/${story.id}`)]);
    expect(readers.map((r) => r.status)).toEqual([200, 200, 200]);
    await expect.poll(() => a.hub.clients + b.hub.clients).toBe(3);

    const posted = await postLiveEntry(editor, story.id, entry);
    for (const reader of readers) {
      await expect.poll(() => reader.events.length).toBe(1);
      expect(reader.events[0]).toMatchObject({ type: 'entry', id: posted.entryId, pinned: false, eventId: String(posted.entryId) });
      expect((reader.events[0] as { html: string }).html).toContain('<strong>landfall</strong>');
    }

    await deleteLiveEntry(editor, posted.entryId);
    await expect.poll(() => readers[2]!.events.at(-1)).toEqual({ type: 'removed', id: posted.entryId });
  });

  it('sends a reader what was posted after the id they had (a reconnect, or a page rendered a moment ago)', async () => {
    const editor = await factory.user('editor');
    const story = await liveBlog();
    const first = await postLiveEntry(editor, story.id, { ...entry, body: 'one' });
    const second = await postLiveEntry(editor, story.id, { ...entry, body: 'two' });
    const { port } = await instance();
    const byQuery = await open(port, `/api/live/${story.id}?after=${first.entryId}`);
    const byHeader = await open(port, `/api/live/${story.id}`, { 'Last-Event-ID': String(first.entryId) });
    for (const reader of [byQuery, byHeader]) await expect.poll(() => reader.events.map((e) => (e.type === 'entry' ? e.id : 0))).toEqual([second.entryId]);
  });

  it('answers 204 for a story that is not a running live blog, and ends streams when it closes', async () => {
    const editor = await factory.user('editor');
    const story = await liveBlog();
    const section = await factory.section();
    const plain = await factory.article({ sectionId: section.id });
    const { port } = await instance();
    expect((await open(port, `/api/live/${plain.id}`)).status).toBe(204);

    const reader = await open(port, `/api/live/${story.id}`);
    await closeLiveBlog(editor, story.id, true);
    await reader.ended;
    expect(reader.events).toEqual([{ type: 'closed' }]);
    expect((await open(port, `/api/live/${story.id}`)).status).toBe(204);
  });
});
