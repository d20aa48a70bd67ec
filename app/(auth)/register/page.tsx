import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';

import auth from '@/components/auth/auth.module.css';
import { RegisterForm } from '@/components/auth/register-form';
import { getViewer } from '@/data/viewer';
import { safeCallbackPath } from '@/lib/validation/auth';

export const metadata: Metadata = { title: 'Create an account', robots: { index: false } };

export default async function RegisterPage({ searchParams }: PageProps<'/register'>) {
  await connection();
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);
  if (await getViewer()) redirect(callbackUrl);
  return (
    <div className={auth.page}>
      <h1>Create an account</h1>
      <p>An account lets you join the discussion under our stories.</p>
      <RegisterForm callbackUrl={callbackUrl} />
    </div>
  );
}
