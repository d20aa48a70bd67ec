import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { connection } from 'next/server';

import auth from '@/components/auth/auth.module.css';
import { ConfirmForm } from '@/components/newsletters/confirm-form';
import formStyles from '@/components/ui/form.module.css';
import { sectionNames } from '@/data/newsletter-subscriptions';
import { listLabel, readConfirmToken } from '@/lib/mail/list-tokens';
import { firstParam } from '@/lib/validation/common';

export const metadata: Metadata = { title: 'Confirm your subscription', robots: { index: false } };

/** Where the confirmation link leads: what will be confirmed, and a button (opening the link changes nothing). */
export default async function ConfirmSubscriptionPage({ searchParams }: PageProps<'/newsletters/confirm'>) {
  await connection();
  const params = await searchParams;
  const token = firstParam(params.t);
  const status = firstParam(params.status);
  const request = typeof token === 'string' ? readConfirmToken(token, new Date()) : null;
  const names = request ? await sectionNames() : new Map<string, string>();
  return (
    <div className={auth.page}>
      <h1>Newsletters</h1>
      {status === 'confirmed' ? (
        <p className={formStyles.formSuccess} role="status">
          Thank you: your subscription is confirmed. Every message has a link to unsubscribe.
        </p>
      ) : request && typeof token === 'string' ? (
        <ConfirmForm token={token} lists={request.lists.map((list) => listLabel(list, names))} />
      ) : (
        <p className={formStyles.formError} role="alert">
          This confirmation link is not valid or has expired. <Link href="/newsletters">Subscribe again</Link> to get a new one.
        </p>
      )}
    </div>
  );
}
