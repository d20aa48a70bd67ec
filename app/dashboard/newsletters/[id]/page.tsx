import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';

import styles from '@/components/dashboard/dashboard-admin.module.css';
import { NewsletterDeliveryForm } from '@/components/dashboard/newsletter-delivery-form';
import { NewsletterIssueForm } from '@/components/dashboard/newsletter-issue-form';
import previewStyles from '@/components/newsletters/newsletters.module.css';
import formStyles from '@/components/ui/form.module.css';
import { countConfirmedSubscribers, getNewsletterIssue, previewNewsletterIssue } from '@/data/newsletter-issues';
import { listNewsletterChoices } from '@/data/newsletter-subscriptions';
import { viewerWithOrNotFound } from '@/data/viewer';
import { utcToZonedLocal } from '@/lib/datetime';
import { env } from '@/lib/env';
import { formatDateTime } from '@/lib/format';
import { firstParam, parseSerialId } from '@/lib/validation/common';

export const metadata: Metadata = { title: 'Newsletter issue' };

const DONE: Record<string, string> = {
  created: 'The issue is saved as a draft. Check the preview, then send or schedule it.',
  saved: 'The issue is saved.',
  sent: 'The issue is queued for every confirmed subscriber.',
  scheduled: 'The issue is scheduled.',
  draft: 'The issue is a draft again.',
};

export default async function NewsletterIssuePage({ params, searchParams }: PageProps<'/dashboard/newsletters/[id]'>) {
  await connection();
  const { id: idText } = await params;
  const viewer = await viewerWithOrNotFound('newsletter:send', `/dashboard/newsletters/${idText}`);
  const id = parseSerialId(idText);
  if (id === undefined) notFound();
  const [issue, preview, choices, query] = await Promise.all([getNewsletterIssue(viewer, id), previewNewsletterIssue(viewer, id), listNewsletterChoices(), searchParams]);
  if (!issue || !preview) notFound();
  const subscribers = await countConfirmedSubscribers(viewer, issue.list);
  const { SITE_TIMEZONE: timeZone } = env();
  const done = firstParam(query.done);
  const isOpen = issue.status === 'draft' || issue.status === 'scheduled';
  return (
    <>
      <div className={styles.header}>
        <h1>{issue.subject}</h1>
        <Link href="/dashboard/newsletters">All issues</Link>
      </div>
      {typeof done === 'string' && DONE[done] && (
        <p className={formStyles.formSuccess} role="status">
          {DONE[done]}
        </p>
      )}
      <dl className={styles.facts}>
        <dt>Newsletter</dt>
        <dd>{issue.listName}</dd>
        <dt>Status</dt>
        <dd>
          {issue.status}
          {issue.status === 'scheduled' && issue.scheduledFor ? `, for ${formatDateTime(issue.scheduledFor, timeZone)}` : ''}
          {issue.queuedAt ? `, queued ${formatDateTime(issue.queuedAt, timeZone)}` : ''}
        </dd>
        <dt>Messages</dt>
        <dd>
          {issue.counts.queued} queued, {issue.counts.sent} sent, {issue.counts.failed} failed
        </dd>
      </dl>
      <section className={styles.panel} aria-labelledby="preview-title">
        <h2 id="preview-title">Preview</h2>
        <p>
          As it would go out now to {preview.to}, with {preview.storyCount === 1 ? '1 story' : `${preview.storyCount} stories`}.{' '}
          {/* A route handler with a policy of its own for the message’s HTML, not a page. */}
          <a href={`/api/newsletter-preview/${issue.id}`} target="_blank" rel="noopener">
            Open the HTML version
          </a>
        </p>
        <h3>Plain text</h3>
        <pre className={previewStyles.preview} aria-label="Plain-text version">
          Subject: {preview.subject}
          {'\n\n'}
          {preview.text}
        </pre>
      </section>
      {isOpen && (
        <>
          <NewsletterDeliveryForm id={issue.id} scheduledLocal={issue.scheduledFor ? utcToZonedLocal(new Date(issue.scheduledFor), timeZone) : ''} isScheduled={issue.status === 'scheduled'} timeZone={timeZone} subscribers={subscribers} />
          <NewsletterIssueForm lists={choices.map((choice) => ({ value: choice.list, label: choice.label }))} issue={issue} />
        </>
      )}
    </>
  );
}
