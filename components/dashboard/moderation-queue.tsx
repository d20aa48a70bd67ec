'use client';

import Form from 'next/form';
import { moderateAction, type ModerationResult } from '@/actions/moderation';
import { CommentBody } from '@/components/comments/comment-body';
import common from '@/components/ui/common.module.css';
import { FormIdField, useFormAction } from '@/components/ui/form-result';
import formStyles from '@/components/ui/form.module.css';
import type { QueueItem } from '@/data/moderation';
import type { CommentStanding } from '@/lib/comment-standing';
import { confirmHref } from '@/lib/confirm-href';
import { COMMENT_REPORT_REASON_LABELS } from '@/lib/editorial';
import { formatDateTime } from '@/lib/format';
import { DECISION_VERBS, MODERATION_DECISIONS } from '@/lib/moderation-decisions';

import { ConfirmLink } from './confirm';
import dashboardStyles from './dashboard.module.css';
import styles from './moderation-queue.module.css';

const initial: ModerationResult = { ok: false };
const PATH = '/dashboard/comments';
const BULK_FORM = 'moderation-bulk';

/** The author's standing after their record: banned, or suspended until when; nothing while they may comment. */
function standingNote(standing: CommentStanding, when: (iso: string) => string): string {
  if (standing.kind === 'banned') return ', banned from commenting';
  if (standing.kind === 'suspended') return `, suspended until ${when(standing.until)}`;
  return '';
}

type Where = { tab: string; page: number };

/**
 * One row's decisions, the likely one first: Approve (or Keep for a reported published comment, Feature for a quiet
 * one), then Reject (or Delete once rejected); the rest wait under "More actions". Reject, Delete, Suspend and Ban
 * only ask: they open the queue's confirmation (ADR 0016).
 */
function RowActions({ item, where, pending }: { item: QueueItem; where: Where; pending: boolean }) {
  const ask = (action: string, extra: Record<string, string | number> = {}) => confirmHref(PATH, action, { tab: where.tab === 'pending' ? undefined : where.tab, page: where.page > 1 ? where.page : undefined, commentId: item.id, ...extra });
  const published = item.status === 'published';
  const reported = item.reports.length > 0;
  const featureButton = (
    <button type="submit" className={published && !reported ? undefined : dashboardStyles.secondaryButton} name="intent" value={`${item.isFeatured ? 'unfeature' : 'feature'}:${item.id}`} disabled={pending}>
      {item.isFeatured ? 'Stop featuring' : 'Feature'}
    </button>
  );
  const primary = !published ? (
    <button type="submit" name="intent" value={`approve:${item.id}`} disabled={pending}>
      Approve
    </button>
  ) : reported ? (
    <button type="submit" name="intent" value={`approve:${item.id}`} disabled={pending}>
      Keep (dismiss reports)
    </button>
  ) : (
    featureButton
  );
  const rejectFirst = item.status !== 'rejected';
  const deleteLink = item.status !== 'deleted' && <ConfirmLink href={ask('delete')}>Delete…</ConfirmLink>;
  // A deleted account (kept comments) can be neither suspended nor banned.
  const authorId = item.author.role === 'reader' ? item.author.id : null;
  return (
    <div className={`moderation-item__actions ${styles.actions}`}>
      {primary}
      {rejectFirst ? <ConfirmLink href={ask('reject')}>Reject…</ConfirmLink> : deleteLink}
      <details className={styles.more}>
        <summary>More actions</summary>
        <div className={styles.moreList}>
          {rejectFirst && deleteLink}
          {published && reported && featureButton}
          <button type="submit" className={dashboardStyles.secondaryButton} name="intent" value={`${item.article.commentsClosed ? 'reopen' : 'close'}:${item.article.id}`} disabled={pending}>
            {item.article.commentsClosed ? 'Reopen comments on this story' : 'Close comments on this story'}
          </button>
          {authorId &&
            (item.author.standing.kind !== 'active' ? (
              <button type="submit" className={dashboardStyles.secondaryButton} name="intent" value={`suspend:${authorId}:lift`} disabled={pending}>
                Lift {item.author.name}’s {item.author.standing.kind === 'banned' ? 'ban' : 'suspension'}
              </button>
            ) : (
              <>
                <ConfirmLink href={ask('suspend', { user: authorId })}>Suspend {item.author.name} for 7 days…</ConfirmLink>
                <ConfirmLink href={ask('ban', { user: authorId })}>Ban {item.author.name}…</ConfirmLink>
              </>
            ))}
        </div>
      </details>
    </div>
  );
}

/**
 * The queue. The safe, frequent decisions (approve, keep, feature, close comments, lift a ban) are buttons of one form
 * (so they work without JavaScript); the destructive ones and every bulk decision go through a confirmation first:
 * the bulk bar is a GET form to this page's ?confirm=… with the ticked rows (their boxes belong to it through their
 * form attribute). `notice` is what the last confirmed decision did (read from the address by the page).
 */
export function ModerationQueue({ items, timeZone, tab, page, notice }: { items: QueueItem[]; timeZone: string; tab: string; page: number; notice?: string }) {
  const when = (iso: string) => formatDateTime(iso, timeZone);
  const [result, action, pending] = useFormAction(moderateAction, 'moderation', initial);
  const text = result.formError ?? result.notice ?? notice;
  const message = text && (
    <p className={result.formError ? formStyles.formError : formStyles.formSuccess} role={result.formError ? 'alert' : 'status'}>
      {text}
    </p>
  );
  if (items.length === 0) {
    return (
      <>
        {message}
        <p className={common.empty}>Nothing here. Well done.</p>
      </>
    );
  }
  const where = { tab, page };
  return (
    <>
      {message}
      <Form id={BULK_FORM} action={`${PATH}#confirm`} scroll={false} className={`${dashboardStyles.toolbar} ${styles.bulk}`} aria-label="With the ticked comments">
        <input type="hidden" name="tab" value={tab} />
        {page > 1 && <input type="hidden" name="page" value={page} />}
        <label>
          With the ticked comments
          <select name="confirm" defaultValue="approve">
            {MODERATION_DECISIONS.map((decision) => (
              <option key={decision} value={decision}>
                {DECISION_VERBS[decision].label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={dashboardStyles.secondaryButton}>
          Apply to ticked comments…
        </button>
      </Form>
      <form action={action} aria-busy={pending}>
        <FormIdField id="moderation" />
        <ol className={styles.list}>
          {items.map((item) => (
            <li key={item.id} className={`moderation-item ${styles.item}`} aria-labelledby={`moderation-${item.id}`}>
              <p className={styles.head} id={`moderation-${item.id}`}>
                <label className={styles.tick}>
                  <input type="checkbox" name="commentId" value={item.id} form={BULK_FORM} /> <span className="visually-hidden">Select comment {item.id} by </span>
                  <strong>{item.author.name}</strong>
                </label>{' '}
                <span className={formStyles.hint}>
                  ({item.author.approved} approved, {item.author.rejected} rejected{standingNote(item.author.standing, when)})
                </span>{' '}
                on <a href={`${item.article.path}#comments`}>{item.article.headline}</a> · {when(item.createdAt)} ·{' '}
                <span className={`status-badge ${common.statusBadge}`}>{item.status}</span>
                {item.isFeatured && <span className={`status-badge ${common.statusBadge}`}> featured</span>}
                {item.isReply && <span className={formStyles.hint}> (reply)</span>}
              </p>
              {item.parent && (
                <blockquote className={styles.parent}>
                  <p>
                    In reply to <strong>{item.parent.authorName}</strong>
                    {item.parent.status !== 'published' && <> ({item.parent.status})</>}:
                  </p>
                  <p className={styles.parentText}>{item.parent.excerpt}</p>
                </blockquote>
              )}
              <CommentBody body={item.body} />
              {item.reports.length > 0 && (
                <ul className={styles.reports} aria-label="Open reports">
                  {item.reports.map((report, index) => (
                    <li key={index}>
                      <strong>{COMMENT_REPORT_REASON_LABELS[report.reason]}</strong>
                      {report.note && <>: {report.note}</>}
                    </li>
                  ))}
                </ul>
              )}
              <RowActions item={item} where={where} pending={pending} />
            </li>
          ))}
        </ol>
      </form>
    </>
  );
}
