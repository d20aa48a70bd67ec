import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';

import { ArticleTable } from '@/components/dashboard/article-table';
import { DashboardPager } from '@/components/dashboard/dashboard-pager';
import dashboardStyles from '@/components/dashboard/dashboard.module.css';
import formStyles from '@/components/ui/form.module.css';
import { DESK_SORTS, listDeskArticles, type DeskSort } from '@/data/article-desk';
import { DESK_STATES, DESK_STATE_LABELS, type DeskState } from '@/data/desk-state';
import { getEditorOptions } from '@/data/editable-article';
import { viewerWithOrNotFound } from '@/data/viewer';
import { idParam, oneParam } from '@/lib/query-params';

export const metadata: Metadata = { title: 'Articles' };

const SORT_LABELS: Record<DeskSort, string> = { updated: 'Last saved', published: 'Publication time', headline: 'Headline' };

export default async function ArticlesPage({ searchParams }: PageProps<'/dashboard/articles'>) {
  await connection();
  const viewer = await viewerWithOrNotFound('article:write', '/dashboard/articles');
  const params = await searchParams;
  const stateParam = oneParam(params, 'state');
  const state = DESK_STATES.find((candidate) => candidate === stateParam);
  const sortParam = oneParam(params, 'sort');
  const sort = DESK_SORTS.find((candidate) => candidate === sortParam) ?? 'updated';
  const filters = { state, sectionId: idParam(params, 'section'), authorId: idParam(params, 'author'), q: oneParam(params, 'q')?.slice(0, 200), sort, page: idParam(params, 'page') ?? 1 };
  const [list, options] = await Promise.all([listDeskArticles(viewer, filters), getEditorOptions(viewer)]);
  const query = { state, section: filters.sectionId?.toString(), author: filters.authorId?.toString(), q: filters.q, sort: sort === 'updated' ? undefined : sort };
  const stateHref = (target?: DeskState) => {
    const search = new URLSearchParams(Object.entries({ ...query, state: target }).filter((entry): entry is [string, string] => Boolean(entry[1])));
    return `/dashboard/articles${search.size ? `?${search}` : ''}`;
  };
  const notice = oneParam(params, 'notice');
  return (
    <>
      <h1>Articles</h1>
      {notice === 'deleted' && (
        <p className={formStyles.formSuccess} role="status">
          The story was deleted.
        </p>
      )}
      <p>
        <Link href="/dashboard/articles/new">Write a new story</Link>
      </p>
      <nav aria-label="Filter by state">
        <ul className={dashboardStyles.counts}>
          <li>
            <Link href={stateHref()} aria-current={!state ? 'page' : undefined}>
              <strong>{Object.values(list.counts).reduce((sum, count) => sum + count, 0)}</strong> All
            </Link>
          </li>
          {DESK_STATES.map((candidate) => (
            <li key={candidate}>
              <Link href={stateHref(candidate)} aria-current={state === candidate ? 'page' : undefined}>
                <strong>{list.counts[candidate]}</strong> {DESK_STATE_LABELS[candidate]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form className={dashboardStyles.toolbar} role="search" aria-label="Filter stories">
        {state && <input type="hidden" name="state" value={state} />}
        <label>
          Text
          <input name="q" type="search" defaultValue={filters.q ?? ''} />
        </label>
        <label>
          Section
          <select name="section" defaultValue={filters.sectionId?.toString() ?? ''}>
            <option value="">All sections</option>
            {options.sections.map((section) => (
              <option key={section.id} value={section.id}>
                {section.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Author
          <select name="author" defaultValue={filters.authorId?.toString() ?? ''}>
            <option value="">All authors</option>
            {options.authors.map((author) => (
              <option key={author.id} value={author.id}>
                {author.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sort by
          <select name="sort" defaultValue={sort}>
            {DESK_SORTS.map((option) => (
              <option key={option} value={option}>
                {SORT_LABELS[option]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Filter</button>
      </form>
      <p className={formStyles.hint}>
        {list.total} {list.total === 1 ? 'story' : 'stories'}
      </p>
      <ArticleTable rows={list.items} caption="Stories" />
      <DashboardPager path="/dashboard/articles" page={list.page} pageCount={list.pageCount} query={query} />
    </>
  );
}
