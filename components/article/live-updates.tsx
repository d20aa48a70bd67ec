'use client';

import { useEffect, useState } from 'react';

import { livePath, type LiveEvent } from '@/lib/live-events';

/**
 * A running live blog's first page, with JavaScript: new entries arrive through Server-Sent Events
 * (server/live-hub.ts) and are put at the top of the list as they come; an edited entry is replaced, a deleted one
 * removed. The entries' markup comes from the server, sanitised (lib/live-blog.ts#renderLiveEntry). Readers of
 * assistive technology hear how many entries arrived (a polite live region), never the whole entry.
 */
export function LiveUpdates({ articleId, lastId }: { articleId: number; lastId: number }) {
  const [arrived, setArrived] = useState(0);
  const [ended, setEnded] = useState(false);

  useEffect(() => {
    const list = document.querySelector<HTMLElement>('[data-live-entries]');
    const pinnedBox = document.querySelector<HTMLElement>('[data-live-pinned]');
    if (!list || !pinnedBox || typeof EventSource === 'undefined') return;
    const source = new EventSource(`${livePath(articleId)}?after=${lastId}`);
    const existing = (id: number) => document.querySelector<HTMLElement>(`[data-entry="${id}"]`);
    const place = (event: Extract<LiveEvent, { type: 'entry' }>) => {
      const template = document.createElement('template');
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
    source.addEventListener('entry', (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as LiveEvent;
      if (event.type === 'entry' && place(event)) setArrived((count) => count + 1);
    });
    source.addEventListener('removed', (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as LiveEvent;
      if (event.type === 'removed') existing(event.id)?.remove();
    });
    source.addEventListener('closed', () => {
      source.close();
      setEnded(true);
    });
    return () => source.close();
  }, [articleId, lastId]);

  return (
    <p role="status" aria-live="polite" className="visually-hidden" data-live-status>
      {ended ? 'This live blog has ended.' : arrived > 0 ? `${arrived} new ${arrived === 1 ? 'entry' : 'entries'} added at the top.` : ''}
    </p>
  );
}
