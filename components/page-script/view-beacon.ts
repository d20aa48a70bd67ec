import { BEACON_PATH } from '@/lib/view-beacon-paths';

/**
 * Counts the reader's view of the story (docs/adr/0027) once the page is really in front of them: never while it is
 * prerendered or in a background tab that was never looked at. The count is a beacon the front batches into the
 * database. Returns what stops listening.
 */
export function countView(doc: Document, articleId: number): () => void {
  let sent = false;
  const send = () => {
    if (sent || doc.visibilityState !== 'visible' || (doc as Document & { prerendering?: boolean }).prerendering) return;
    sent = true;
    const body = JSON.stringify({ id: articleId });
    if (!navigator.sendBeacon?.(BEACON_PATH, new Blob([body], { type: 'text/plain' }))) {
      void fetch(BEACON_PATH, { method: 'POST', body, keepalive: true, credentials: 'same-origin' }).catch(() => {});
    }
  };
  send();
  doc.addEventListener('visibilitychange', send);
  doc.addEventListener('prerenderingchange', send);
  return () => {
    doc.removeEventListener('visibilitychange', send);
    doc.removeEventListener('prerenderingchange', send);
  };
}
