import { pageHref } from '@/components/article/pagination';

/** rel=prev/next for a paginated list. React 19 hoists <link> into <head>. */
export function PageLinks({ basePath, page, pageCount }: { basePath: string; page: number; pageCount: number }) {
  return (
    <>
      {page > 1 && <link rel="prev" href={pageHref(basePath, page - 1)} />}
      {page < pageCount && <link rel="next" href={pageHref(basePath, page + 1)} />}
    </>
  );
}
