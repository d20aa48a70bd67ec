import type { Metadata } from 'next';
import { connection } from 'next/server';

import { NewsletterIssueForm } from '@/components/dashboard/newsletter-issue-form';
import { listNewsletterChoices } from '@/data/newsletter-subscriptions';
import { viewerWithOrNotFound } from '@/data/viewer';

export const metadata: Metadata = { title: 'New newsletter issue' };

export default async function NewNewsletterIssuePage() {
  await connection();
  await viewerWithOrNotFound('newsletter:send', '/dashboard/newsletters/new');
  const choices = await listNewsletterChoices();
  return (
    <>
      <h1>New newsletter issue</h1>
      <NewsletterIssueForm lists={choices.map((choice) => ({ value: choice.list, label: choice.label }))} />
    </>
  );
}
