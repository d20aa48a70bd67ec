import { Link } from '@/components/ui/link';

import common from '@/components/ui/common.module.css';

/** Previous/next links for a paginated list whose first page is `basePath` and page N is `basePath/page/N`. */
export function pageHref(basePath: string, page: number): string {
  return page <= 1 ? basePath : `${basePath === '/' ? '' : basePath}/page/${page}`;
}

export function Pagination({ basePath, page, pageCount }: { basePath: string; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  return (
    <nav className={common.pagination} aria-label="Pages">
      {page > 1 ? (
        <Link href={pageHref(basePath, page - 1)} rel="prev">
          ← Newer stories
        </Link>
      ) : (
        <span />
      )}
      <span className={common.paginationStatus}>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={pageHref(basePath, page + 1)} rel="next">
          Older stories →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
