import { Link } from '@/components/ui/link';

import { deleteCommentAction } from '@/actions/comments';
import common from '@/components/ui/common.module.css';
import { DateTime } from '@/components/ui/date-time';
import { FormDetails } from '@/components/ui/form-result';
import { ScriptMarker } from '@/components/ui/script-marker';
import { EDIT_WINDOW_MINUTES, getCommentStanding, getThread, getViewerThreadState, type CommentView, type ViewerThreadState } from '@/data/comments';
import { getViewer, type Viewer } from '@/data/viewer';
import { THREAD_SORTS, THREAD_SORT_LABELS, threadSearch, type ThreadQuery, type ThreadSort } from '@/lib/comment-order';
import type { CommentStanding } from '@/lib/comment-standing';
import { can } from '@/lib/permissions';

import { CommentBody } from './comment-body';
import { CommentForm } from './comment-form';
import { EditCommentForm } from './edit-comment-form';
import { editFormId, replyFormId, reportFormId } from './form-ids';
import { LikeButton } from './like-button';
import styles from './comments.module.css';
import { ReportForm } from './report-form';

/** Everything about the visitor, worked out per request and never cached. */
type VisitorContext = {
  viewer: Viewer | null;
  /** Signed in, allowed to comment, on an open thread: likes and reports. */
  mayComment: boolean;
  /** And neither suspended nor banned: the comment and reply forms. */
  mayPost: boolean;
  state: ViewerThreadState;
  now: number;
  articleId: number;
  articlePath: string;
  sort: ThreadSort;
  focus: number | null;
};

function permalink(context: VisitorContext, commentId: number): string {
  return `${context.articlePath}${threadSearch({ sort: context.sort, focus: commentId })}#comment-${commentId}`;
}

function Comment({ comment, context }: { comment: CommentView; context: VisitorContext }) {
  const { viewer } = context;
  const isMine = context.state.ownIds.includes(comment.id) && !comment.isDeleted;
  const canEdit = isMine && context.now - Date.parse(comment.createdAt) < EDIT_WINDOW_MINUTES * 60_000;
  const mayReact = context.mayComment && !isMine && !comment.isDeleted;
  const isFocused = context.focus === comment.id;
  const replies = context.state.pending.filter((pending) => pending.parentId === comment.id);
  return (
    <li id={`comment-${comment.id}`} className={`comment ${styles.comment}${isFocused ? ` ${styles.highlighted}` : ''}${comment.isFeatured ? ` ${styles.featured}` : ''}`} aria-current={isFocused ? 'true' : undefined}>
      {comment.isDeleted ? (
        <p className={styles.deleted}>This comment was deleted.</p>
      ) : (
        <>
          <p className={`comment__meta ${styles.meta}`}>
            <strong>{comment.authorName}</strong>
            {comment.authorRole !== 'reader' && <span className={`comment__badge ${styles.badge}`}>Staff</span>}
            {comment.isFeatured && <span className={`comment__badge ${styles.badge}`}>Editors’ pick</span>}{' '}
            <a href={permalink(context, comment.id)} aria-label={`Link to this comment by ${comment.authorName}`}>
              <DateTime iso={comment.createdAt} />
            </a>
            {comment.isEdited && <span> (edited)</span>}
          </p>
          <CommentBody body={comment.body} />
        </>
      )}
      {!comment.isDeleted && (
        <div className={styles.actions}>
          {mayReact ? (
            <LikeButton commentId={comment.id} liked={context.state.likedIds.includes(comment.id)} count={comment.likeCount} returnTo={context.articlePath} />
          ) : (
            <span className={`comment__like-count ${styles.likeCount}`}>
              {comment.likeCount} {comment.likeCount === 1 ? 'like' : 'likes'}
            </span>
          )}
          {mayReact &&
            (context.state.reportedIds.includes(comment.id) ? (
              <span className={styles.reported}>Reported</span>
            ) : (
              <FormDetails formId={reportFormId(comment.id)} className={styles.reply}>
                <summary className={styles.control}>Report</summary>
                <ReportForm commentId={comment.id} />
              </FormDetails>
            ))}
        </div>
      )}
      {isMine && (
        <div className={styles.own}>
          {canEdit && (
            <FormDetails formId={editFormId(comment.id)} className={styles.reply}>
              <summary className={styles.control}>Edit</summary>
              <EditCommentForm commentId={comment.id} body={comment.body} returnTo={context.articlePath} />
            </FormDetails>
          )}
          <details className={styles.reply}>
            <summary className={`${styles.control} ${styles.danger}`}>Delete</summary>
            <form action={deleteCommentAction}>
              <input type="hidden" name="commentId" value={comment.id} />
              <input type="hidden" name="returnTo" value={context.articlePath} />
              <ScriptMarker />
              <button type="submit" className={styles.delete}>
                Yes, delete my comment
              </button>
            </form>
          </details>
        </div>
      )}
      {context.mayPost && !comment.isDeleted && viewer && (
        <FormDetails formId={replyFormId(comment.id)} className={styles.reply}>
          <summary className={styles.control}>Reply</summary>
          <CommentForm articleId={context.articleId} parentId={comment.id} label={`Reply to ${comment.authorName}`} authorName={viewer.name} returnTo={context.articlePath} />
        </FormDetails>
      )}
      {(comment.replies.length > 0 || replies.length > 0) && (
        <ol className={`comment__replies ${styles.replies}`}>
          {comment.replies.map((reply) => (
            <Comment key={reply.id} comment={reply} context={context} />
          ))}
          {replies.map((pending) => (
            <PendingComment key={pending.id} pending={pending} authorName={viewer?.name ?? ''} isFocused={context.focus === pending.id} />
          ))}
        </ol>
      )}
    </li>
  );
}

/** One of the viewer's own comments that waits for a moderator: rendered for them alone, never cached. */
function PendingComment({ pending, authorName, isFocused }: { pending: ViewerThreadState['pending'][number]; authorName: string; isFocused: boolean }) {
  return (
    <li id={`comment-${pending.id}`} className={`comment comment--pending ${styles.comment} ${styles.pending}${isFocused ? ` ${styles.highlighted}` : ''}`} aria-current={isFocused ? 'true' : undefined}>
      <p className={`comment__meta ${styles.meta}`}>
        <strong>{authorName}</strong> <span className={`status-badge ${common.statusBadge}`}>Awaiting moderation</span> <DateTime iso={pending.createdAt} />
      </p>
      <CommentBody body={pending.body} />
      <p className={styles.pendingNote}>Only you can see this until a moderator approves it.</p>
    </li>
  );
}

/** In place of the comment form, for a reader who may not post: said before they type, not after they post. */
function StandingNotice({ standing }: { standing: Exclude<CommentStanding, { kind: 'active' }> }) {
  return (
    <p>
      {standing.kind === 'banned' ? (
        'Your account is banned from commenting.'
      ) : (
        <>
          Your account is suspended from commenting. You can comment again after <DateTime iso={standing.until} />.
        </>
      )}
    </p>
  );
}

function SortLinks({ context }: { context: VisitorContext }) {
  return (
    <nav className={styles.sort} aria-label="Sort comments">
      <span>Sort by</span>
      <ul>
        {THREAD_SORTS.map((sort) => (
          <li key={sort}>
            <a href={`${context.articlePath}${threadSearch({ sort })}#comments`} aria-current={sort === context.sort ? 'true' : undefined}>
              {THREAD_SORT_LABELS[sort]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function ThreadPages({ context, page, pageCount }: { context: VisitorContext; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  const href = (target: number) => `${context.articlePath}${threadSearch({ sort: context.sort, page: target })}#comments`;
  return (
    <nav className={common.pagination} aria-label="Comment pages">
      {page > 1 && (
        <a href={href(page - 1)} rel="prev">
          Previous comments
        </a>
      )}
      <span className={common.paginationStatus}>
        Page {page} of {pageCount}
      </span>
      {page < pageCount && (
        <a href={href(page + 1)} rel="next">
          More comments
        </a>
      )}
    </nav>
  );
}

/**
 * The discussion under a story: the approved thread (cached per article, comments:{id}, shared by every reader) and,
 * for the visitor, the form (or, for a suspended or banned reader, a notice in its place), their likes, reports and
 * own comments awaiting moderation (read per request on the primary, never cached; nothing for an anonymous visitor).
 * Rendered in the page, not streamed, so all of it works without JavaScript, where posting redirects to
 * `?comment=ID#comment-ID`.
 */
export async function CommentSection({ articleId, articlePath, query }: { articleId: number; articlePath: string; query: ThreadQuery }) {
  const [found, viewer] = await Promise.all([getThread(articleId, query), getViewer()]);
  const [state, standing] = await Promise.all([getViewerThreadState(viewer, articleId), getCommentStanding(viewer)]);
  // A permalink to the viewer's own held reply (where posting one without JavaScript lands) opens the page of the
  // comment it answers; the shared thread knows nothing of pending comments.
  const heldReply = query.focus === null ? undefined : state.pending.find((pending) => pending.id === query.focus && pending.parentId !== null);
  const thread = heldReply ? await getThread(articleId, { ...query, focus: heldReply.parentId }) : found;
  const context: VisitorContext = {
    viewer,
    mayComment: thread.isOpen && can(viewer, 'comment:create'),
    mayPost: thread.isOpen && can(viewer, 'comment:create') && standing.kind === 'active',
    state,
    now: Date.now(),
    articleId,
    articlePath,
    sort: thread.sort,
    focus: query.focus,
  };
  const pendingTop = state.pending.filter((pending) => pending.parentId === null);
  const returnTo = encodeURIComponent(`${articlePath}#comments`);
  return (
    <section id="comments" className={styles.comments} aria-labelledby="comments-title" data-nosnippet="">
      <h2 id="comments-title">
        Comments <span className={styles.count}>({thread.count})</span>
      </h2>
      {!thread.isOpen && <p>Comments on this story are closed.</p>}
      {thread.isOpen && !viewer && (
        <p>
          <Link href={`/login?callbackUrl=${returnTo}`}>Sign in to comment</Link> or <Link href={`/register?callbackUrl=${returnTo}`}>create an account</Link>.
        </p>
      )}
      {context.mayPost && viewer && <CommentForm articleId={articleId} label="Your comment" authorName={viewer.name} returnTo={articlePath} />}
      {context.mayComment && standing.kind !== 'active' && <StandingNotice standing={standing} />}
      {pendingTop.length > 0 && (
        <ol className={`comments__list ${styles.list}`} aria-label="Your comments awaiting moderation">
          {pendingTop.map((pending) => (
            <PendingComment key={pending.id} pending={pending} authorName={viewer?.name ?? ''} isFocused={context.focus === pending.id} />
          ))}
        </ol>
      )}
      {thread.total > 1 && <SortLinks context={context} />}
      {thread.comments.length === 0 ? (
        <p className={common.empty}>No comments yet.</p>
      ) : (
        <ol className={`comments__list ${styles.list}`}>
          {thread.comments.map((comment) => (
            <Comment key={comment.id} comment={comment} context={context} />
          ))}
        </ol>
      )}
      <ThreadPages context={context} page={thread.page} pageCount={thread.pageCount} />
    </section>
  );
}
