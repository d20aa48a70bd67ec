import type { Metadata } from 'next';
import Link from 'next/link';

import auth from '@/components/auth/auth.module.css';
import { ForgotPasswordForm } from '@/components/auth/forgot-password-form';

export const metadata: Metadata = { title: 'Forgotten password', robots: { index: false } };

export default function ForgotPasswordPage() {
  return (
    <div className={auth.page}>
      <h1>Forgotten password</h1>
      <p>Give the e-mail address of your account and we will send you a link to choose a new password.</p>
      <ForgotPasswordForm />
      <p>
        Remembered it? <Link href="/login">Sign in</Link>
      </p>
    </div>
  );
}
