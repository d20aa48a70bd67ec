import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';

import auth from '@/components/auth/auth.module.css';
import { EmailLinkForm } from '@/components/auth/email-link-form';
import { LoginForm } from '@/components/auth/login-form';
import formStyles from '@/components/ui/form.module.css';
import { getViewer } from '@/data/viewer';
import { isSignInLinkOffered } from '@/lib/mail/offers';
import { safeCallbackPath } from '@/lib/validation/auth';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } };

export default async function LoginPage({ searchParams }: PageProps<'/login'>) {
  await connection();
  const query = await searchParams;
  const callbackUrl = safeCallbackPath(query.callbackUrl);
  if (await getViewer()) redirect(callbackUrl);
  return (
    <div className={auth.page}>
      <h1>Sign in</h1>
      {query.reset === '1' && (
        <p className={formStyles.formSuccess} role="status">
          Your password has been changed and every device was signed out. Sign in with your new password.
        </p>
      )}
      {query.error !== undefined && (
        <p className={formStyles.formError} role="alert">
          {query.error === 'Verification' ? 'That sign-in link has expired or has already been used. Ask for a new one.' : 'Signing in did not work. Please try again.'}
        </p>
      )}
      <LoginForm callbackUrl={callbackUrl} />
      {isSignInLinkOffered() && <EmailLinkForm callbackUrl={callbackUrl} />}
    </div>
  );
}
