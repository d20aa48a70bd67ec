import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { connection } from 'next/server';

import { confirmEmailChangeAction } from '@/actions/account-email';
import auth from '@/components/auth/auth.module.css';
import { TokenConfirmForm } from '@/components/auth/token-confirm-form';
import formStyles from '@/components/ui/form.module.css';
import { SPENT_LINK_MESSAGE } from '@/lib/validation/auth';

export const metadata: Metadata = { title: 'Confirm your new address', robots: { index: false }, referrer: 'same-origin' };

const FAILURES: Record<string, string> = {
  spent: SPENT_LINK_MESSAGE,
  taken: 'That address now belongs to another account, so your account keeps its current address.',
};

export default async function ConfirmEmailPage({ searchParams }: PageProps<'/account/confirm-email'>) {
  await connection();
  const { token, done, failed } = await searchParams;
  const failure = typeof failed === 'string' ? (FAILURES[failed] ?? SPENT_LINK_MESSAGE) : typeof token !== 'string' && done !== '1' ? SPENT_LINK_MESSAGE : null;
  return (
    <div className={auth.page}>
      <h1>Confirm your new address</h1>
      {done === '1' ? (
        <>
          <p className={formStyles.formSuccess} role="status">
            Your account now uses its new e-mail address. Sign in with it from now on.
          </p>
          <p>
            <Link href="/account">Your account</Link>
          </p>
        </>
      ) : failure || typeof token !== 'string' ? (
        <p className={formStyles.formError} role="alert">
          {failure ?? SPENT_LINK_MESSAGE}
        </p>
      ) : (
        <TokenConfirmForm action={confirmEmailChangeAction} token={token} label="Use this address" />
      )}
    </div>
  );
}
