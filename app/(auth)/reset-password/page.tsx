import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { connection } from 'next/server';

import auth from '@/components/auth/auth.module.css';
import { ResetPasswordForm } from '@/components/auth/reset-password-form';
import formStyles from '@/components/ui/form.module.css';
import { isResetTokenUsable } from '@/data/password-reset';
import { SPENT_LINK_MESSAGE, accountTokenSchema } from '@/lib/validation/auth';

export const metadata: Metadata = { title: 'Choose a new password', robots: { index: false }, referrer: 'same-origin' };

export default async function ResetPasswordPage({ searchParams }: PageProps<'/reset-password'>) {
  await connection();
  const token = accountTokenSchema.safeParse((await searchParams).token);
  const usable = token.success && (await isResetTokenUsable(token.data));
  return (
    <div className={auth.page}>
      <h1>Choose a new password</h1>
      {usable ? (
        <ResetPasswordForm token={token.data} />
      ) : (
        <>
          <p className={formStyles.formError} role="alert">
            {SPENT_LINK_MESSAGE}
          </p>
          <p>
            <Link href="/forgot-password">Ask for a new link</Link>
          </p>
        </>
      )}
    </div>
  );
}
