import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';

import auth from '@/components/auth/auth.module.css';
import { RegisterForm } from '@/components/auth/register-form';
import { getViewer } from '@/data/viewer';
import { safeCallbackPath } from '@/lib/validation/auth';

export const metadata: Metadata = { title: 'Create an account', robots: { index: false } };

export default async function RegisterPage({ searchParams }: PageProps<'/register'>) {
  await connection();
  const query = await searchParams;
  const callbackUrl = safeCallbackPath(query.callbackUrl);
  if (await getViewer()) redirect(callbackUrl);
  return (
    <div className={auth.page}>
      <h1>Create an account</h1>
      {query.sent === '1' ? (
        <div role="status">
          <h2>Check your inbox</h2>
          <p>We have sent a message to the address you gave. Follow the link in it to confirm your address, then sign in with your password.</p>
          <p>
            <Link href={`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Sign in</Link>
          </p>
        </div>
      ) : (
        <>
          <p>An account lets you join the discussion under our stories.</p>
          <RegisterForm callbackUrl={callbackUrl} />
        </>
      )}
    </div>
  );
}
