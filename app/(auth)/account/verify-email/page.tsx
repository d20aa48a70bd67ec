import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { connection } from 'next/server';

import { verifyEmailAction } from '@/actions/account-email';
import auth from '@/components/auth/auth.module.css';
import { TokenConfirmForm } from '@/components/auth/token-confirm-form';
import formStyles from '@/components/ui/form.module.css';
import { SPENT_LINK_MESSAGE } from '@/lib/validation/auth';

export const metadata: Metadata = { title: 'Confirm your address', robots: { index: false }, referrer: 'same-origin' };

export default async function VerifyEmailPage({ searchParams }: PageProps<'/account/verify-email'>) {
  await connection();
  const { token, done, failed } = await searchParams;
  return (
    <div className={auth.page}>
      <h1>Confirm your address</h1>
      {done === '1' ? (
        <>
          <p className={formStyles.formSuccess} role="status">
            Thank you: your e-mail address is confirmed.
          </p>
          <p>
            <Link href="/login">Sign in</Link>
          </p>
        </>
      ) : failed === '1' || typeof token !== 'string' ? (
        <>
          <p className={formStyles.formError} role="alert">
            {SPENT_LINK_MESSAGE}
          </p>
          <p>Signed in? Your account page can send a new link.</p>
        </>
      ) : (
        <TokenConfirmForm action={verifyEmailAction} token={token} label="Confirm my address" />
      )}
    </div>
  );
}
