import type http from 'node:http';

import postgres from 'postgres';

import { LIVE_CHANNEL, parseLiveNotice, renderLiveEntry, sseMessage, type LiveEntryView, type LiveEvent, type LiveNotice } from '../lib/live-blog';

/**
 * Live blogs' new entries, pushed to readers' browsers (docs/adr/0026). One instance keeps ONE PostgreSQL connection
 * that LISTENs on LIVE_CHANNEL; every write to live_entries notifies it at commit, whichever instance made it. For
 * each notice about a live blog this instance has readers of, the entry is read and rendered once, and the same
 * bytes are written to every reader's Server-Sent Events stream: a reader costs a socket, never a query.
 */

export type LiveReads = {
  /** Whether the story is a running public live blog, and its highest entry id. */
  state(articleId: number): Promise<{ running: boolean; lastId: number }>;
  /** One entry of a public live blog, or null. */
  entry(articleId: number, entryId: number): Promise<LiveEntryView | null>;
  /** Entries after `afterId`, oldest first (a reader who reconnects, or whose page was rendered a moment ago). */
  after(articleId: number, afterId: number): Promise<LiveEntryView[]>;
};

export type LiveHubOptions = {
  /** The primary database: LISTEN/NOTIFY does not cross to replicas. */
  url: string;
  reads: LiveReads;
  timeZone: string;
  /** A comment line this often keeps proxies from closing a quiet stream. */
  heartbeatMs?: number;
  /** Streams this instance keeps at most; beyond it a reader is told to retry (503). */
  maxClients?: number;
};

/** How long a story's state (running, last id) is trusted before it is read again; notices keep it current meanwhile. */
const STATE_TTL_MS = 5000;
/** The browser waits this long before reconnecting a dropped stream (the SSE `retry:` field). */
const RETRY_MS = 3000;

type Story = { clients: Set<http.ServerResponse>; lastId: number; checkedAt: number; running: boolean };

export class LiveHub {
  private readonly stories = new Map<number, Story>();
  private sql: postgres.Sql | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  /** Notices are handled one after another, so readers get entries in the order they were committed. */
  private queue: Promise<void> = Promise.resolve();
  private clientCount = 0;

  constructor(private readonly options: LiveHubOptions) {}

  get clients(): number {
    return this.clientCount;
  }

  /** Opens the LISTEN connection (postgres.js re-LISTENs by itself after a reconnect). */
  async start(): Promise<void> {
    this.sql = postgres(this.options.url, { max: 1, idle_timeout: 0, fetch_types: false, onnotice: () => {} });
    await this.sql.listen(LIVE_CHANNEL, (payload) => {
      const notice = parseLiveNotice(payload);
      if (notice) this.queue = this.queue.then(() => this.deliver(notice)).catch((error: unknown) => console.error('[live] could not deliver an entry:', error));
    });
    this.heartbeat = setInterval(() => this.broadcastAll(': keep-alive\n\n'), this.options.heartbeatMs ?? 25_000);
    this.heartbeat.unref();
  }

  /** Ends every stream (browsers reconnect to another instance) and the LISTEN connection. */
  async stop(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const story of this.stories.values()) for (const res of story.clients) res.end();
    this.stories.clear();
    this.clientCount = 0;
    await this.sql?.end({ timeout: 1 }).catch(() => {});
    this.sql = null;
  }

  /**
   * A reader's stream for the live blog `articleId`: 404 unless it is a running public live blog. Entries after
   * `Last-Event-ID` (a reconnect) or `?after=` (the id the page was rendered with) are sent first.
   */
  async serve(articleId: number, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (this.clientCount >= (this.options.maxClients ?? 20_000)) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'Retry-After': '10' });
      res.end('Too many readers on this instance; try again.');
      return;
    }
    const story = await this.storyState(articleId);
    if (!story.running) {
      // 204 tells EventSource to stop trying (a closed or missing live blog has nothing more to say).
      res.writeHead(204, { 'Cache-Control': 'no-store' });
      res.end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      // nginx must pass each event on as it comes (deploy/nginx.conf also turns buffering off for /api/live/).
      'X-Accel-Buffering': 'no',
    });
    res.write(`retry: ${RETRY_MS}\n\n`);
    story.clients.add(res);
    this.clientCount += 1;
    const forget = () => {
      if (story.clients.delete(res)) this.clientCount -= 1;
      if (story.clients.size === 0 && this.stories.get(articleId) === story) this.stories.delete(articleId);
    };
    req.once('close', forget);
    res.once('close', forget);

    const since = resumeFrom(req);
    if (since !== null && since < story.lastId) {
      for (const entry of await this.options.reads.after(articleId, since)) {
        res.write(sseMessage(this.entryEvent(entry), entry.id));
      }
    }
  }

  private async storyState(articleId: number): Promise<Story> {
    const known = this.stories.get(articleId);
    if (known && performance.now() - known.checkedAt < STATE_TTL_MS) return known;
    const state = await this.options.reads.state(articleId);
    const story = this.stories.get(articleId) ?? { clients: new Set(), lastId: 0, checkedAt: 0, running: false };
    story.running = state.running;
    story.lastId = Math.max(story.lastId, state.lastId);
    story.checkedAt = performance.now();
    if (state.running) this.stories.set(articleId, story);
    return story;
  }

  private entryEvent(entry: LiveEntryView): LiveEvent {
    return { type: 'entry', id: entry.id, html: renderLiveEntry(entry, this.options.timeZone), pinned: entry.pinned };
  }

  /** One notice: read and render once, then the same bytes to every reader of the story on this instance. */
  private async deliver(notice: LiveNotice): Promise<void> {
    const story = this.stories.get(notice.articleId);
    if (!story || story.clients.size === 0) return;
    if (notice.what === 'closed') {
      this.broadcast(story, sseMessage({ type: 'closed' }));
      for (const res of story.clients) res.end();
      this.stories.delete(notice.articleId);
      return;
    }
    if (notice.what === 'removed') {
      this.broadcast(story, sseMessage({ type: 'removed', id: notice.entryId }));
      return;
    }
    if (notice.entryId === 0) return;
    const entry = await this.options.reads.entry(notice.articleId, notice.entryId);
    if (!entry) return;
    story.lastId = Math.max(story.lastId, entry.id);
    // A new entry carries its id, so a reader who reconnects resumes after it; an edit does not move that point.
    this.broadcast(story, sseMessage(this.entryEvent(entry), notice.what === 'posted' ? entry.id : undefined));
  }

  private broadcast(story: Story, message: string): void {
    const bytes = Buffer.from(message);
    for (const res of story.clients) res.write(bytes);
  }

  private broadcastAll(message: string): void {
    for (const story of this.stories.values()) this.broadcast(story, message);
  }
}

/** Where a reader's stream resumes: the browser's Last-Event-ID on a reconnect, else the page's `?after=`. */
function resumeFrom(req: http.IncomingMessage): number | null {
  const header = req.headers['last-event-id'];
  const query = new URL(req.url ?? '/', 'http://live.invalid').searchParams.get('after');
  const value = typeof header === 'string' && header ? header : query;
  return value && /^[0-9]{1,10}$/.test(value) ? Number(value) : null;
}
