/**
 * The next moment the public site changes by itself, without anyone saving anything: a scheduled story falls due,
 * a story expires, or a breaking-news banner runs out. Cached lists never outlive it (data/cache-life.ts), and the
 * site's scheduler invalidates the cached pages at it (server/database-watch.ts). One column, `next` (null: none).
 */
export const NEXT_PUBLIC_CHANGE_SQL = `
  select least(
    (select min(published_at) from articles where status = 'published' and published_at > now()),
    (select min(unpublish_at) from articles where unpublish_at > now()),
    (select min(expires_at) from breaking_news where lifted_at is null and expires_at > now())
  ) as next`;
