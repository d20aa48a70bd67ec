'use client';

import { useActionState } from 'react';

import { moderateAction, type ModerationResult } from '@/actions/moderation';
import { CommentBody } from '@/components/comments/comment-body';
import type { QueueItem } from '@/data/moderation';
import type { CommentStanding } from '@/lib/comment-standing';
import { COMMENT_REPORT_REASON_LABELS } from '@/lib/editorial';
import { formatDateTime } from '@/lib/format';

const initial: ModerationResult = { ok: false };

/** The author's standing after their record: banned, or suspended until when; nothing while they may comment. */
function standingNote(standing: CommentStanding, when: (iso: string) => string): string {
  if (standing.kind === 'banned') return ', banned from commenting';
  if (standing.kind === 'suspended') return `, suspended until ${when(standing.until)}`;
  return '';
}

/**
 * The queue as one form (so it works without JavaScript): each row's buttons act on that comment, and the bulk bar
 * acts on the ticked rows. The server checks the moderator again for every press.
 */
export function ModerationQueue({ items, timeZone }: { items: QueueItem[]; timeZone: string }) {
  const when = (iso: string) => formatDateTime(iso, timeZone);
  const [result, action, pending] = useActionState(moderateAction, initial);
  const message = result.message && (
    <p className={result.ok ? 'form-success' : 'form-error'} role={result.ok ? 'status' : 'alert'}>
      {result.message}
    </p>
  );
  if (items.length === 0) {
    return (
      <>
        {message}
        <p className="empty">Nothing here. Well done.</p>
      </>
    );
  }
  return (
    <form action={action} className="moderation-queue" aria-busy={pending}>
      {message}
      <fieldset className="dashboard-toolbar moderation-queue__bulk">
        <legend>With the ticked comments</legend>
        <label>
          Decision
          <select name="decision" defaultValue="approve">
            <option value="approve">Approve</option>
            <option value="reject">Reject</option>
            <option value="delete">Delete</option>
            <option value="feature">Feature</option>
            <option value="unfeature">Stop featuring</option>
          </select>
        </label>
        <button type="submit" name="intent" value="bulk" disabled={pending}>
          Apply to ticked comments
        </button>
      </fieldset>
      <ol className="moderation-queue__list">
        {items.map((item) => (
          <li key={item.id} className="moderation-item" aria-labelledby={`moderation-${item.id}`}>
            <p className="moderation-item__head" id={`moderation-${item.id}`}>
              <label>
                <input type="checkbox" name="commentId" value={item.id} /> <span className="visually-hidden">Select comment {item.id} by </span>
                <strong>{item.author.name}</strong>
              </label>{' '}
              <span className="field__hint">
                ({item.author.approved} approved, {item.author.rejected} rejected{standingNote(item.author.standing, when)})
              </span>{' '}
              on <a href={`${item.article.path}#comments`}>{item.article.headline}</a> · {when(item.createdAt)} ·{' '}
              <span className={`status-badge status-badge--${item.status}`}>{item.status}</span>
              {item.isFeatured && <span className="status-badge"> featured</span>}
              {item.isReply && <span className="field__hint"> (reply)</span>}
            </p>
            <CommentBody body={item.body} />
            {item.reports.length > 0 && (
              <ul className="moderation-item__reports" aria-label="Open reports">
                {item.reports.map((report, index) => (
                  <li key={index}>
                    <strong>{COMMENT_REPORT_REASON_LABELS[report.reason]}</strong>
                    {report.note && <>: {report.note}</>}
                  </li>
                ))}
              </ul>
            )}
            <div className="moderation-item__actions">
              {item.status !== 'published' && (
                <button type="submit" name="intent" value={`approve:${item.id}`} disabled={pending}>
                  Approve
                </button>
              )}
              {item.status === 'published' && item.reports.length > 0 && (
                <button type="submit" name="intent" value={`approve:${item.id}`} disabled={pending}>
                  Keep (dismiss reports)
                </button>
              )}
              {item.status !== 'rejected' && (
                <button type="submit" className="button--danger" name="intent" value={`reject:${item.id}`} disabled={pending}>
                  Reject
                </button>
              )}
              {item.status !== 'deleted' && (
                <button type="submit" className="button--danger" name="intent" value={`delete:${item.id}`} disabled={pending}>
                  Delete
                </button>
              )}
              {item.status === 'published' && (
                <button type="submit" className="button--secondary" name="intent" value={`${item.isFeatured ? 'unfeature' : 'feature'}:${item.id}`} disabled={pending}>
                  {item.isFeatured ? 'Stop featuring' : 'Feature'}
                </button>
              )}
              <button type="submit" className="button--secondary" name="intent" value={`${item.article.commentsClosed ? 'reopen' : 'close'}:${item.article.id}`} disabled={pending}>
                {item.article.commentsClosed ? 'Reopen comments on this story' : 'Close comments on this story'}
              </button>
              {item.author.role === 'reader' &&
                (item.author.standing.kind !== 'active' ? (
                  <button type="submit" className="button--secondary" name="intent" value={`suspend:${item.author.id}:lift`} disabled={pending}>
                    Lift {item.author.name}’s {item.author.standing.kind === 'banned' ? 'ban' : 'suspension'}
                  </button>
                ) : (
                  <>
                    <button type="submit" className="button--secondary" name="intent" value={`suspend:${item.author.id}:7`} disabled={pending}>
                      Suspend {item.author.name} for 7 days
                    </button>
                    <button type="submit" className="button--danger" name="intent" value={`suspend:${item.author.id}:ban`} disabled={pending}>
                      Ban {item.author.name}
                    </button>
                  </>
                ))}
            </div>
          </li>
        ))}
      </ol>
    </form>
  );
}
