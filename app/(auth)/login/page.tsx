import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';

import auth from '@/components/auth/auth.module.css';
import { LoginForm } from '@/components/auth/login-form';
import { getViewer } from '@/data/viewer';
import { safeCallbackPath } from '@/lib/validation/auth';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } };

export default async function LoginPage({ searchParams }: PageProps<'/login'>) {
  await connection();
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);
  if (await getViewer()) redirect(callbackUrl);
  return (
    <div className={auth.page}>
      <h1>Sign in</h1>
      <LoginForm callbackUrl={callbackUrl} />
    </div>
  );
}
