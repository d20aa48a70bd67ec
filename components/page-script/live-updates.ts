import { livePath, type LiveEvent } from '@/lib/live-events';

/**
 * A running live blog's first page: new entries arrive through Server-Sent Events (server/live-hub.ts) and are put at
 * the top of the list as they come; an edited entry is replaced, a deleted one removed. The entries' markup comes
 * from the server, sanitised (lib/live-blog.ts#renderLiveEntry). Readers of assistive technology hear how many
 * entries arrived (`status`, a polite live region), never the whole entry. Returns what closes the stream.
 */
export function followLiveBlog(doc: Document, status: HTMLElement): () => void {
  const list = doc.querySelector<HTMLElement>('[data-live-entries]');
  const pinnedBox = doc.querySelector<HTMLElement>('[data-live-pinned]');
  const articleId = Number(status.dataset.liveArticle);
  const lastId = Number(status.dataset.liveLast);
  if (!list || !pinnedBox || !articleId || typeof EventSource === 'undefined') return () => {};
  const source = new EventSource(`${livePath(articleId)}?after=${lastId}`);
  let arrived = 0;
  const existing = (id: number) => doc.querySelector<HTMLElement>(`[data-entry="${id}"]`);
  const place = (event: Extract<LiveEvent, { type: 'entry' }>) => {
    const template = doc.createElement('template');
    template.innerHTML = event.html;
    const element = template.content.firstElementChild;
    if (!element) return false;
    const old = existing(event.id);
    if (event.pinned) {
      // One pinned entry: the one before goes back to the list only by a reload (it is still there on every other page).
      old?.remove();
      pinnedBox.replaceChildren(element);
    } else if (old && old.parentElement === list) {
      old.replaceWith(element);
    } else {
      old?.remove();
      list.prepend(element);
    }
    return old === null;
  };
  const read = (message: Event) => JSON.parse((message as MessageEvent<string>).data) as LiveEvent;
  source.addEventListener('entry', (message) => {
    const event = read(message);
    if (event.type === 'entry' && place(event)) {
      arrived += 1;
      status.textContent = `${arrived} new ${arrived === 1 ? 'entry' : 'entries'} added at the top.`;
    }
  });
  source.addEventListener('removed', (message) => {
    const event = read(message);
    if (event.type === 'removed') existing(event.id)?.remove();
  });
  source.addEventListener('closed', () => {
    source.close();
    status.textContent = 'This live blog has ended.';
  });
  return () => source.close();
}
