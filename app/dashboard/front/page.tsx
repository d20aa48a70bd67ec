import type { Metadata } from 'next';
import { connection } from 'next/server';

import { BreakingNewsPanel } from '@/components/dashboard/breaking-news-panel';
import styles from '@/components/dashboard/dashboard-admin.module.css';
import { FrontArrangement } from '@/components/dashboard/front-arrangement';
import formStyles from '@/components/ui/form.module.css';
import { listBreakingNews } from '@/data/breaking-news';
import { FRONT_PAGE_PINS, SECTION_FEATURES, listPinCandidates, listPlacements } from '@/data/curation';
import { listDashboardSections } from '@/data/sections';
import { viewerWithOrNotFound } from '@/data/viewer';
import { parseSerialId } from '@/lib/query-params';

export const metadata: Metadata = { title: 'Front page' };

const DONE: Record<string, string> = {
  pinned: 'Pinned. Readers see the new front now.',
  moved: 'Order saved. Readers see the new front now.',
  unpinned: 'Taken off. The story fills by time again.',
  'breaking-started': 'The breaking-news banner is up across the site.',
  'breaking-lifted': 'The banner is down.',
};

const REFUSED: Record<string, string> = {
  full: 'This front is full: take a story off first.',
  gone: 'That story is no longer there to pin or move (it may have been deleted, or filed in another section). The list below is current.',
  invalid: 'That request was not understood. Nothing changed.',
  'breaking-invalid': 'The banner needs a headline of 5 to 140 characters and a duration. Nothing changed.',
  'breaking-gone': 'That banner is no longer live (it was lifted or ran out), or its story was deleted. Nothing changed.',
};

const text = (value: string | string[] | undefined) => (typeof value === 'string' ? value : '');

/**
 * The front-page desk (docs/adr/0013): the breaking-news banner, and for the front page or a section front, the
 * pinned stories in order with a search to pin more. Every form works without JavaScript.
 */
export default async function FrontDeskPage({ searchParams }: PageProps<'/dashboard/front'>) {
  await connection();
  const viewer = await viewerWithOrNotFound('article:publish', '/dashboard/front');
  const params = await searchParams;
  const sections = await listDashboardSections(viewer);
  const sectionId = parseSerialId(text(params.front));
  const section = sectionId === undefined ? undefined : sections.find((candidate) => candidate.id === sectionId);
  const front = section ? section.id : null;
  const query = text(params.q).slice(0, 200);
  const [placements, candidates, banners, recent] = await Promise.all([
    listPlacements(viewer, front),
    listPinCandidates(viewer, { front, query }),
    listBreakingNews(viewer),
    listPinCandidates(viewer, { front: null, query: '', limit: 20 }),
  ]);
  const done = DONE[text(params.done)];
  const refused = REFUSED[text(params.error)];
  return (
    <>
      <div className={styles.header}>
        <h1>Front page</h1>
      </div>
      <p className={styles.lede}>
        Arrange what readers see first. Pinned stories lead, in this order; everything else fills by time. Changes show to readers within a second.
      </p>
      {done && (
        <p className={formStyles.formSuccess} role="status">
          {done}
        </p>
      )}
      {refused && (
        <p className={formStyles.formError} role="alert">
          {refused}
        </p>
      )}
      <BreakingNewsPanel banners={banners} stories={recent} />
      <FrontArrangement
        sections={sections.map(({ id, name, slug }) => ({ id, name, slug }))}
        section={section ? { id: section.id, name: section.name, slug: section.slug } : null}
        placements={placements}
        candidates={candidates}
        query={query}
        limit={front === null ? FRONT_PAGE_PINS : SECTION_FEATURES}
      />
    </>
  );
}
