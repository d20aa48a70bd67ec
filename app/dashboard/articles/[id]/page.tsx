import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';

import { ArticleConfirmation } from '@/components/dashboard/article-confirmations';
import { AssignForm, DeskNotes, SentBackBanner } from '@/components/dashboard/article-review';
import { ArticleWorkspace } from '@/components/dashboard/article-workspace';
import { LiveBlogPanel } from '@/components/dashboard/live-blog-panel';
import common from '@/components/ui/common.module.css';
import { DateTime } from '@/components/ui/date-time';
import formStyles from '@/components/ui/form.module.css';
import { DESK_STATE_LABELS } from '@/data/desk-state';
import { getEditableArticle, getEditorOptions } from '@/data/editable-article';
import { getPicturePicker } from '@/data/images';
import { getLiveDesk } from '@/data/live-entries';
import { getReviewState, listAssignableStaff, listDeskNotes } from '@/data/article-review';
import { viewerWithOrNotFound } from '@/data/viewer';
import { utcToZonedLocal } from '@/lib/datetime';
import { ARTICLE_NOTE_LABELS } from '@/lib/editorial';
import { env } from '@/lib/env';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { can } from '@/lib/permissions';
import { pickerParams } from '@/lib/picture-picker';
import { oneParam, parseSerialId } from '@/lib/query-params';
import { readUploadFeedback } from '@/lib/validation/images';
import { reviewProblemMessage } from '@/lib/review';

export const metadata: Metadata = { title: 'Edit story' };

const NOTICES: Record<string, string> = {
  created: 'Draft created. It autosaves as you type.',
  submitted: 'Submitted for review.',
  published: 'Published. The story is live.',
  scheduled: 'Scheduled. The story goes live at its time.',
  unpublished: 'Unpublished. Readers can no longer see the story.',
  restored: 'The revision was restored as the latest version.',
  noted: 'The note was added and readers can see it.',
  'note-staged': 'The note was added to the saved changes. Readers will see both when you press Publish changes.',
  'sent-back': 'Sent back to the writer with your note. The story is a draft again and waits on them.',
  assigned: 'Assigned. The story is on their dashboard under “Assigned to me”.',
  unassigned: 'The story is assigned to nobody now.',
  'assign-unchanged': 'Nothing changed: the story was already assigned that way.',
  'desk-noted': 'Your note was added for the desk. Readers never see desk notes.',
};

export default async function EditArticlePage({ params, searchParams }: PageProps<'/dashboard/articles/[id]'>) {
  await connection();
  const { id: idText } = await params;
  const viewer = await viewerWithOrNotFound('article:write', `/dashboard/articles/${idText}`);
  const id = parseSerialId(idText);
  if (!id) notFound();
  let article;
  try {
    article = await getEditableArticle(viewer, id);
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) notFound();
    throw error;
  }
  const query = await searchParams;
  const upload = readUploadFeedback(query);
  const [options, pictures, review, deskNotes, staff] = await Promise.all([
    getEditorOptions(viewer),
    getPicturePicker(viewer, { ...pickerParams(query), chosenId: upload.uploadedId ?? article.snapshot.heroImageId, justUploaded: upload.uploadedId !== null }),
    getReviewState(viewer, id),
    listDeskNotes(viewer, id),
    article.mayPublish ? listAssignableStaff(viewer, id) : Promise.resolve([]),
  ]);
  // A live blog's desk (docs/adr/0026), for whoever may edit the story.
  const liveDesk = article.snapshot.format === 'live' && article.mayEdit ? await getLiveDesk(viewer, id).catch((error: unknown) => {
          // The story's saved text says 'live' but its published row does not yet: no desk until it does.
          if (error instanceof NotFoundError) return null;
          throw error;
        })
      : null;
  const zone = env().SITE_TIMEZONE;
  const notice = NOTICES[oneParam(query, 'notice') ?? ''];
  const problem = reviewProblemMessage(oneParam(query, 'problem'));
  const notesPanel = <DeskNotes articleId={id} notes={deskNotes.notes} total={deskNotes.total} />;
  return (
    <>
      <p className={formStyles.hint}>
        <Link href="/dashboard/articles">← All stories</Link>
      </p>
      <h1>{article.snapshot.headline}</h1>
      <p className="article-meta-line">
        <span className={`status-badge ${common.statusBadge}`}>{DESK_STATE_LABELS[article.state]}</span>
        {article.hasPendingChanges && <strong> Saved changes not yet published.</strong>}
        {article.publishedAt && (
          <span>
            {' '}
            {article.state === 'scheduled' ? 'Goes live' : 'Published'} <DateTime iso={article.publishedAt} />
          </span>
        )}{' '}
        · <a href={`/api/preview?article=${id}`}>Preview</a> · <Link href={`/dashboard/articles/${id}/history`}>History</Link>
        {can(viewer, 'user:manage') && <> · <Link href={`/dashboard/audit?story=${id}`}>Audit log for this story</Link></>}
        {review.assignee && !review.sentBack && (
          <>
            {' '}
            · Waiting on <strong>{review.assignee.id === viewer.id ? 'you' : review.assignee.name}</strong>
          </>
        )}
        {article.publicPath && (
          <>
            {' '}
            · <Link href={article.publicPath}>View on the site</Link>
          </>
        )}
      </p>
      {notice && (
        <p className={formStyles.formSuccess} role="status">
          {notice}
        </p>
      )}
      {/* A refusal of a review form (docs/adr/0015): at the top, like the notices, with or without JavaScript. */}
      {problem && (
        <p className={formStyles.formError} role="alert">
          {problem}
        </p>
      )}
      <ArticleConfirmation
        confirm={oneParam(query, 'confirm')}
        story={{ id, version: article.version, headline: article.snapshot.headline, state: article.state, publishedAt: article.publishedAt, publicPath: article.publicPath }}
        mayPublish={article.mayPublish}
        timeZone={zone}
      />
      <SentBackBanner review={review} isWriter={review.writerId === viewer.id} />
      {article.notes.length > 0 && (
        <ul>
          {article.notes.map((note) => (
            <li key={note.id}>
              <strong>{ARTICLE_NOTE_LABELS[note.kind]}</strong> ({note.staged ? 'not published yet: goes live with Publish changes' : <DateTime iso={note.notedAt} />}): {note.body}
            </li>
          ))}
        </ul>
      )}
      {liveDesk && <LiveBlogPanel articleId={id} closedAt={liveDesk.closedAt} entries={liveDesk.entries} notice={oneParam(query, 'live')} problem={oneParam(query, 'live-problem')} />}
      {article.mayEdit ? (
        <ArticleWorkspace
          snapshot={article.snapshot}
          relatedSlugs={article.relatedSlugs}
          options={options}
          pictures={pictures}
          upload={upload}
          workflow={{
            articleId: id,
            version: article.version,
            state: article.state,
            hasPendingChanges: article.hasPendingChanges,
            mayEdit: article.mayEdit,
            mayPublish: article.mayPublish,
            publishAtLocal: article.publishedAt && article.state === 'scheduled' ? utcToZonedLocal(new Date(article.publishedAt), zone) : '',
            unpublishAtLocal: article.unpublishAt ? utcToZonedLocal(new Date(article.unpublishAt), zone) : '',
            timeZone: zone,
          }}
          review={
            <>
              {article.mayPublish && <AssignForm articleId={id} review={review} staff={staff} />}
              {notesPanel}
            </>
          }
        />
      ) : (
        <>
          <p className={formStyles.formError}>This story has been published; only editors can change it now.</p>
          {notesPanel}
        </>
      )}
    </>
  );
}
