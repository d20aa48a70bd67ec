import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { connection } from 'next/server';

import auth from '@/components/auth/auth.module.css';
import { ForgotPasswordForm } from '@/components/auth/forgot-password-form';

export const metadata: Metadata = { title: 'Forgotten password', robots: { index: false } };

export default async function ForgotPasswordPage({ searchParams }: PageProps<'/forgot-password'>) {
  await connection();
  const { sent } = await searchParams;
  return (
    <div className={auth.page}>
      <h1>Forgotten password</h1>
      {sent === '1' ? (
        <div role="status">
          <h2>Check your inbox</h2>
          <p>If the address belongs to an account, a message with a link to choose a new password is on its way. The link works once, for one hour.</p>
        </div>
      ) : (
        <>
          <p>Give the e-mail address of your account and we will send you a link to choose a new password.</p>
          <ForgotPasswordForm />
        </>
      )}
      <p>
        Remembered it? <Link href="/login">Sign in</Link>
      </p>
    </div>
  );
}
