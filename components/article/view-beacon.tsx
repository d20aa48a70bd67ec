'use client';

import { useEffect } from 'react';

import styles from './most-read.module.css';

/** The addresses the front answers (server/view-beacon.ts). */
const BEACON_PATH = '/api/views';
const PIXEL_PATH = '/api/views/pixel.gif';

/**
 * Counts the reader's view of the story (docs/adr/0027) once the page is really in front of them: never while it is
 * prerendered or in a background tab that was never looked at. The page stays the same cached bytes for everyone;
 * the count is a beacon the front batches into the database. Without JavaScript, the <noscript> pixel does the same.
 */
export function ViewBeacon({ articleId }: { articleId: number }) {
  useEffect(() => {
    let sent = false;
    const send = () => {
      if (sent || document.visibilityState !== 'visible' || (document as Document & { prerendering?: boolean }).prerendering) return;
      sent = true;
      const body = JSON.stringify({ id: articleId });
      if (!navigator.sendBeacon?.(BEACON_PATH, new Blob([body], { type: 'text/plain' }))) {
        void fetch(BEACON_PATH, { method: 'POST', body, keepalive: true, credentials: 'same-origin' }).catch(() => {});
      }
    };
    send();
    document.addEventListener('visibilitychange', send);
    document.addEventListener('prerenderingchange', send);
    return () => {
      document.removeEventListener('visibilitychange', send);
      document.removeEventListener('prerenderingchange', send);
    };
  }, [articleId]);

  return (
    <noscript>
      <img src={`${PIXEL_PATH}?id=${articleId}`} alt="" width={1} height={1} className={styles.pixel} />
    </noscript>
  );
}
