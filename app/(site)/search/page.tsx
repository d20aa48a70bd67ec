import type { Metadata } from 'next';
import { connection } from 'next/server';

import listPage from '@/components/pages/list-page.module.css';
import { SearchForm } from '@/components/search/search-form';
import { SearchResults } from '@/components/search/search-results';
import { listSearchFilters, searchArticles } from '@/data/search';
import { parseSearchParams } from '@/lib/validation/search';

export async function generateMetadata({ searchParams }: PageProps<'/search'>): Promise<Metadata> {
  await connection();
  const { q } = parseSearchParams(await searchParams);
  // Result pages stay out of search engines (robots.txt says so too).
  return { title: q ? `Search: ${q}` : 'Search', robots: { index: false, follow: true }, alternates: { canonical: '/search' } };
}

export default async function SearchPage({ searchParams }: PageProps<'/search'>) {
  await connection();
  const input = parseSearchParams(await searchParams);
  const [filters, result] = await Promise.all([listSearchFilters(), searchArticles(input)]);
  return (
    <div>
      <header className={listPage.header}>
        <h1>Search</h1>
      </header>
      <SearchForm input={input} sections={filters.sections} authors={filters.authors} />
      <SearchResults input={input} result={result} />
    </div>
  );
}
