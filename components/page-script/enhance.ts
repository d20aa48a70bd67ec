import { copyLinkOnClick } from './copy-link';
import { followLiveBlog } from './live-updates';
import { countView } from './view-beacon';

/**
 * What a reader's page does with JavaScript, found by its markers in the server's HTML (docs/adr/0032): count the
 * view of a story (`data-view-beacon`), copy a story's link (`a[data-copy-link]`), follow a running live blog
 * (`data-live-status`). Without JavaScript each works another way or is not needed. The one implementation for both
 * kinds of page: the cached page an anonymous reader gets runs it as the only script (server/lean-page.ts), a page
 * rendered for a signed-in reader runs it from React (page-script.tsx). Returns what undoes it.
 */
export function enhancePage(doc: Document): () => void {
  const undo: (() => void)[] = [];
  const beacon = doc.querySelector<HTMLElement>('[data-view-beacon]');
  const articleId = Number(beacon?.dataset.viewBeacon);
  if (articleId > 0) undo.push(countView(doc, articleId));
  doc.querySelectorAll<HTMLAnchorElement>('a[data-copy-link]').forEach((link) => undo.push(copyLinkOnClick(link)));
  const live = doc.querySelector<HTMLElement>('[data-live-status]');
  if (live) undo.push(followLiveBlog(doc, live));
  return () => undo.forEach((stop) => stop());
}
