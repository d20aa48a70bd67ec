import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { connection } from 'next/server';

import auth from '@/components/auth/auth.module.css';
import { UnsubscribeForm } from '@/components/newsletters/unsubscribe-form';
import formStyles from '@/components/ui/form.module.css';
import { sectionNames } from '@/data/newsletter-subscriptions';
import { isMailingList, listLabel, readUnsubscribeToken } from '@/lib/mail/list-tokens';
import { firstParam } from '@/lib/validation/common';

export const metadata: Metadata = { title: 'Unsubscribe', robots: { index: false } };

/** Where a message's unsubscribe link leads: no sign-in; it shows what will stop and asks for a click. */
export default async function UnsubscribePage({ searchParams }: PageProps<'/unsubscribe'>) {
  await connection();
  const params = await searchParams;
  const token = firstParam(params.t);
  const done = firstParam(params.status) === 'done' ? firstParam(params.list) : undefined;
  const request = typeof token === 'string' ? readUnsubscribeToken(token) : null;
  const names = await sectionNames();
  return (
    <div className={auth.page}>
      <h1>Unsubscribe</h1>
      {done !== undefined ? (
        <p className={formStyles.formSuccess} role="status">
          You are unsubscribed{isMailingList(done) ? ` from ${listLabel(done, names)}` : ''}. You will get no more of these messages.
        </p>
      ) : request && typeof token === 'string' ? (
        <UnsubscribeForm token={token} email={request.email} what={listLabel(request.list, names)} />
      ) : (
        <p className={formStyles.formError} role="alert">
          This unsubscribe link is not valid. Signed-in readers can change what they get on <Link href="/account">their account page</Link>.
        </p>
      )}
    </div>
  );
}
