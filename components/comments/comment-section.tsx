import Link from 'next/link';

import { deleteCommentAction } from '@/actions/comments';
import { DateTime } from '@/components/ui/date-time';
import { EDIT_WINDOW_MINUTES, getThread, type CommentView } from '@/data/comments';
import { getViewer } from '@/data/viewer';
import { can } from '@/lib/permissions';

import { CommentBody } from './comment-body';
import { CommentForm } from './comment-form';
import { EditCommentForm } from './edit-comment-form';

type ViewerContext = { viewerId: string | null; now: number };

function Comment({ comment, articleId, canReply, context }: { comment: CommentView; articleId: number; canReply: boolean; context: ViewerContext }) {
  const isMine = context.viewerId !== null && comment.authorId === context.viewerId && !comment.isDeleted;
  const canEdit = isMine && context.now - Date.parse(comment.createdAt) < EDIT_WINDOW_MINUTES * 60_000;
  return (
    <li id={`comment-${comment.id}`} className="comment">
      {comment.isDeleted ? (
        <p className="comment__deleted">This comment was deleted.</p>
      ) : (
        <>
          <p className="comment__meta">
            <strong>{comment.authorName}</strong>
            {comment.authorRole !== 'reader' && <span className="comment__badge">Staff</span>}{' '}
            <a href={`#comment-${comment.id}`}>
              <DateTime iso={comment.createdAt} />
            </a>
            {comment.isEdited && <span className="comment__edited"> (edited)</span>}
          </p>
          <CommentBody body={comment.body} />
        </>
      )}
      {isMine && (
        <div className="comment__own">
          {canEdit && (
            <details className="comment__reply">
              <summary>Edit</summary>
              <EditCommentForm commentId={comment.id} body={comment.body} />
            </details>
          )}
          <details className="comment__reply">
            <summary>Delete</summary>
            <form action={deleteCommentAction}>
              <input type="hidden" name="commentId" value={comment.id} />
              <button type="submit" className="comment__delete">
                Yes, delete my comment
              </button>
            </form>
          </details>
        </div>
      )}
      {canReply && !comment.isDeleted && (
        <details className="comment__reply">
          <summary>Reply</summary>
          <CommentForm articleId={articleId} parentId={comment.id} label={`Reply to ${comment.authorName}`} />
        </details>
      )}
      {comment.replies.length > 0 && (
        <ol className="comment__replies">
          {comment.replies.map((reply) => (
            <Comment key={reply.id} comment={reply} articleId={articleId} canReply={canReply} context={context} />
          ))}
        </ol>
      )}
    </li>
  );
}

/**
 * The discussion under a story: the approved thread (cached per article, comments:{id}) and, for the visitor, the
 * form or a sign-in link. Rendered in the page, not streamed, so it works without JavaScript.
 */
export async function CommentSection({ articleId, articlePath }: { articleId: number; articlePath: string }) {
  const [thread, viewer] = await Promise.all([getThread(articleId), getViewer()]);
  const mayComment = thread.isOpen && can(viewer, 'comment:create');
  // Per request (never cached): whose comments are whose, and the edit window.
  const context: ViewerContext = { viewerId: viewer?.id ?? null, now: Date.now() };
  return (
    <section id="comments" className="comments" aria-labelledby="comments-title" data-nosnippet="">
      <h2 id="comments-title">
        Comments <span className="comments__count">({thread.total})</span>
      </h2>
      {!thread.isOpen && <p className="comments__closed">Comments on this story are closed.</p>}
      {thread.isOpen && !viewer && (
        <p>
          <Link href={`/login?callbackUrl=${encodeURIComponent(`${articlePath}#comments`)}`}>Sign in to comment</Link> or{' '}
          <Link href={`/register?callbackUrl=${encodeURIComponent(`${articlePath}#comments`)}`}>create an account</Link>.
        </p>
      )}
      {mayComment && <CommentForm articleId={articleId} label="Your comment" />}
      {thread.comments.length === 0 ? (
        <p className="empty">No comments yet.</p>
      ) : (
        <ol className="comments__list">
          {thread.comments.map((comment) => (
            <Comment key={comment.id} comment={comment} articleId={articleId} canReply={mayComment} context={context} />
          ))}
        </ol>
      )}
    </section>
  );
}
