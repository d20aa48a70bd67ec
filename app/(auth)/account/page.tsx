import type { Metadata } from 'next';
import { connection } from 'next/server';

import { signOutEverywhereAction } from '@/actions/account';
import { MailSettings } from '@/components/account/mail-settings';
import auth from '@/components/auth/auth.module.css';
import { EmailAddressSection } from '@/components/auth/email-address-section';
import { LeaveSection } from '@/components/auth/leave-section';
import { PasswordForm } from '@/components/auth/password-form';
import { ProfileForm } from '@/components/auth/profile-form';
import formStyles from '@/components/ui/form.module.css';
import { viewerOrRedirect } from '@/data/viewer';

export const metadata: Metadata = { title: 'Your account', robots: { index: false } };

export default async function AccountPage({ searchParams }: PageProps<'/account'>) {
  await connection();
  const viewer = await viewerOrRedirect('/account');
  const { changed, sent, saved } = await searchParams;
  return (
    <div className={auth.page}>
      <h1>Your account</h1>
      {changed === 'password' && (
        <p className={formStyles.formSuccess} role="status">
          Your password has been changed. Other devices have been signed out.
        </p>
      )}
      <ProfileForm name={viewer.name} />
      <EmailAddressSection userId={viewer.id} sent={sent === 'verification'} />
      <PasswordForm />
      <MailSettings userId={viewer.id} saved={typeof saved === 'string' ? saved : undefined} />
      <form action={signOutEverywhereAction} className={auth.form} aria-labelledby="sessions-title">
        <h2 id="sessions-title">Sessions</h2>
        <p>Lost a device, or signed in on a shared computer? This signs you out everywhere, including here.</p>
        <button type="submit">Sign out everywhere</button>
      </form>
      <LeaveSection />
    </div>
  );
}
