import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { connection } from 'next/server';

import auth from '@/components/auth/auth.module.css';
import { DeleteAccountForm } from '@/components/auth/delete-account-form';
import { viewerOrRedirect } from '@/data/viewer';

export const metadata: Metadata = { title: 'Delete your account', robots: { index: false } };

export default async function DeleteAccountPage() {
  await connection();
  await viewerOrRedirect('/account/delete');
  return (
    <div className={auth.page}>
      <h1>Delete your account</h1>
      <p>
        Your account, your likes, your reports and your newsletter subscriptions are removed, and you are signed out everywhere. You may want to{' '}
        <a href="/account/data" download>
          download your data
        </a>{' '}
        first.
      </p>
      <DeleteAccountForm />
      <p>
        <Link href="/account">No, keep my account</Link>
      </p>
    </div>
  );
}
