import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';

import auth from '@/components/auth/auth.module.css';

export const metadata: Metadata = { title: 'Account deleted', robots: { index: false } };

export default function AccountDeletedPage() {
  return (
    <div className={auth.page}>
      <h1>Your account has been deleted</h1>
      <p role="status">Thank you for reading and taking part. You have been signed out.</p>
      <p>
        <Link href="/">Back to the front page</Link>
      </p>
    </div>
  );
}
