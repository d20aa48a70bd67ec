import type { Metadata } from 'next';
import { connection } from 'next/server';

import auth from '@/components/auth/auth.module.css';
import { SubscribeForm } from '@/components/newsletters/subscribe-form';
import { listNewsletterChoices } from '@/data/newsletter-subscriptions';
import { env } from '@/lib/env';

export const metadata: Metadata = { title: 'Newsletters', description: 'The daily briefing and section digests by e-mail.' };

export default async function NewslettersPage({ searchParams }: PageProps<'/newsletters'>) {
  await connection();
  const { sent } = await searchParams;
  const choices = await listNewsletterChoices();
  return (
    <div className={auth.page}>
      <h1>Newsletters</h1>
      <p>
        {env().SITE_NAME} by e-mail: the daily briefing with the day’s stories, or a digest of the sections you follow. No account needed; every
        message has a link to unsubscribe in one click.
      </p>
      <SubscribeForm choices={choices} sent={sent === '1'} />
    </div>
  );
}
