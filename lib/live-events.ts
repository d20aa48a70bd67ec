/**
 * What a live blog's stream is, for both ends (docs/adr/0026): its path and its messages. Free of imports, so the
 * browser's client (components/page-script/live-updates.ts) takes nothing else with it; lib/live-blog.ts re-exports it.
 */

/** The path a reader's browser listens on for a live blog's new entries (served by the front, server/live-hub.ts). */
export const livePath = (articleId: number) => `/api/live/${articleId}`;

/** Reads the article id of a live stream's path, or null. */
export function parseLivePath(rawUrl: string | undefined): number | null {
  const match = /^\/api\/live\/([1-9][0-9]{0,9})(?:\?.*)?$/.exec(rawUrl ?? '');
  if (!match) return null;
  const id = Number(match[1]);
  return id <= 2_147_483_647 ? id : null;
}

/** What one message of the live stream says. `html` is the entry's markup (renderLiveEntry) for posted and edited entries. */
export type LiveEvent =
  | { type: 'entry'; id: number; html: string; pinned: boolean }
  | { type: 'removed'; id: number }
  | { type: 'closed' };

/** One message of an event stream as a client outside the browser reads it (null for a field it does not carry). */
export type StreamMessage = { id: string | null; event: string | null; data: string | null };

/**
 * Reads an event stream (text/event-stream, as lib/live-blog.ts's sseMessage writes it) outside a browser: the
 * tests, the benchmark and the journeys. Feed it the chunks as they come; it calls `onMessage` for each whole message.
 */
export function streamReader(onMessage: (message: StreamMessage) => void): (chunk: string) => void {
  let buffer = '';
  const field = (block: string, name: string) => new RegExp(`^${name}: (.*)$`, 'm').exec(block)?.[1] ?? null;
  return (chunk) => {
    buffer += chunk;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      onMessage({ id: field(block, 'id'), event: field(block, 'event'), data: field(block, 'data') });
    }
  };
}
