import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';

import dashboardStyles from '@/components/dashboard/dashboard.module.css';
import { RevisionDiff } from '@/components/dashboard/revision-diff';
import { RevisionRestoreForm } from '@/components/dashboard/revision-restore-form';
import common from '@/components/ui/common.module.css';
import { DateTime } from '@/components/ui/date-time';
import formStyles from '@/components/ui/form.module.css';
import { describeSnapshot, getRevision, listRevisions } from '@/data/article-revisions';
import { viewerWithOrNotFound } from '@/data/viewer';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { idParam } from '@/lib/query-params';
import { unlistedVersions, unlistedVersionsNote } from '@/lib/revision-history';

export const metadata: Metadata = { title: 'History' };

/** Every saved revision (who, when), a diff between any two, preview and restore. */
export default async function HistoryPage({ params, searchParams }: PageProps<'/dashboard/articles/[id]/history'>) {
  await connection();
  const { id: idText } = await params;
  const viewer = await viewerWithOrNotFound('article:write', `/dashboard/articles/${idText}/history`);
  const id = idParam({ id: idText }, 'id');
  if (!id) notFound();
  let history;
  try {
    history = await listRevisions(viewer, id);
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) notFound();
    throw error;
  }
  const query = await searchParams;
  const revisions = history.revisions;
  const toId = idParam(query, 'to') ?? revisions[0]?.id;
  const fromId = idParam(query, 'from') ?? revisions[1]?.id;
  const [from, to] = fromId && toId && fromId !== toId ? await Promise.all([getRevision(viewer, id, fromId).catch(() => null), getRevision(viewer, id, toId).catch(() => null)]) : [null, null];
  // Workflow steps count as versions but keep no revision: the page says which numbers it cannot list, and why.
  const unlistedNote = unlistedVersionsNote(unlistedVersions(revisions.map((revision) => revision.version), history.version));
  // The compare radios sit in the table and belong to the compare form through their form attribute, beside each
  // row's own Restore form: a form inside a form is dropped by the HTML parser (a hydration error; Restore posted Compare).
  const compareForm = revisions.length > 1 ? 'revision-compare' : undefined;
  const names = new Map<string, string>();
  if (from && to) {
    for (const snapshot of [from.snapshot, to.snapshot]) {
      const described = await describeSnapshot(snapshot);
      names.set(String(snapshot.sectionId), described.section.name);
      for (const author of described.authors) names.set(String(author.id), author.name);
      for (const related of described.related) names.set(String(related.id), related.headline);
    }
  }
  return (
    <>
      <p className={formStyles.hint}>
        <Link href={`/dashboard/articles/${id}`}>← Back to the editor</Link>
      </p>
      <h1>History: {history.headline}</h1>
      <section aria-labelledby="revisions-title">
        <h2 id="revisions-title">Revisions</h2>
        {revisions.length === 0 ? (
          <p className={formStyles.hint}>No revisions yet: this story was written before revisions were kept. Its next save records the first one.</p>
        ) : (
          <>
            {unlistedNote && (
              <p className={formStyles.hint} id="unlisted-versions">
                {unlistedNote}
              </p>
            )}
            <table className={dashboardStyles.table}>
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">Saved</th>
                  <th scope="col">By</th>
                  <th scope="col">Headline</th>
                  <th scope="col">Compare from</th>
                  <th scope="col">Compare to</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {revisions.map((revision, index) => (
                  <tr key={revision.id}>
                    <td>
                      {revision.version}
                      {revision.isLive && <span className={`status-badge ${common.statusBadge}`}> Live</span>}
                      {revision.isPending && <span className={`status-badge ${common.statusBadge}`}> Not yet published</span>}
                    </td>
                    <td>
                      <DateTime iso={revision.createdAt} />
                    </td>
                    <td>{revision.by ?? 'Former staff member'}</td>
                    <td>{revision.headline}</td>
                    <td>
                      <input type="radio" form={compareForm} name="from" value={revision.id} defaultChecked={revision.id === fromId} aria-label={`Compare from version ${revision.version}`} />
                    </td>
                    <td>
                      <input type="radio" form={compareForm} name="to" value={revision.id} defaultChecked={revision.id === toId} aria-label={`Compare to version ${revision.version}`} />
                    </td>
                    <td>
                      {/* A route handler, not a page: a plain link (Next's Link would prefetch it as a page and get a 404). */}
                      <a href={`/api/preview?article=${id}&revision=${revision.id}`} aria-label={`Preview version ${revision.version}`}>
                        Preview
                      </a>
                      {history.mayEdit && index > 0 && <RevisionRestoreForm articleId={id} version={history.version} revisionId={revision.id} label={`Restore version ${revision.version}`} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {compareForm && (
              <form id={compareForm} method="get" aria-label="Compare two versions">
                <button type="submit">Compare</button>
              </form>
            )}
          </>
        )}
      </section>
      {from && to && (
        <section aria-labelledby="diff-title">
          <h2 id="diff-title">
            Changes from version {from.version} to version {to.version}
          </h2>
          <RevisionDiff before={from.snapshot} after={to.snapshot} names={names} />
        </section>
      )}
    </>
  );
}
