/**
 * A running live blog's first page: the polite live region through which the page's script
 * (components/page-script/live-updates.ts) follows the blog and says how many entries arrived. Without JavaScript the
 * page is complete as served, and a reload shows what is new.
 */
export function LiveUpdates({ articleId, lastId }: { articleId: number; lastId: number }) {
  return <p role="status" aria-live="polite" className="visually-hidden" data-live-status data-live-article={articleId} data-live-last={lastId} />;
}
