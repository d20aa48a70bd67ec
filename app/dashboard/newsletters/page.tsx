import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';

import styles from '@/components/dashboard/dashboard-admin.module.css';
import { NewsletterTable } from '@/components/dashboard/newsletter-table';
import { listNewsletterIssues } from '@/data/newsletter-issues';
import { viewerWithOrNotFound } from '@/data/viewer';
import { env } from '@/lib/env';

export const metadata: Metadata = { title: 'Newsletters' };

export default async function NewslettersDashboardPage() {
  await connection();
  const viewer = await viewerWithOrNotFound('newsletter:send', '/dashboard/newsletters');
  const issues = await listNewsletterIssues(viewer);
  return (
    <>
      <div className={styles.header}>
        <h1>Newsletters</h1>
        <Link href="/dashboard/newsletters/new">New issue</Link>
      </div>
      <p className={styles.lede}>The daily briefing and the section digests. Each issue goes to the confirmed subscribers of its list through the mail queue.</p>
      <NewsletterTable issues={issues} timeZone={env().SITE_TIMEZONE} />
    </>
  );
}
