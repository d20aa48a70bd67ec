import { env } from '@/lib/env';
import { absoluteUrl } from '@/lib/share';

import { composeMail, type MailBlock } from './compose';
import type { OutgoingMail } from './message';

/*
 * The account messages (verify, reset, change of address, a registration attempt). Each gets an idempotency key from
 * the row that caused it, so a retried transaction never queues it twice; links are absolute, from SITE_URL.
 */

function accountMail(key: string, to: string, subject: string, heading: string, blocks: MailBlock[]): OutgoingMail {
  const { SITE_NAME } = env();
  const body = composeMail({ siteName: SITE_NAME, heading, blocks, footer: `You get this message because of a request for an account at ${SITE_NAME}.` });
  return { key, kind: 'account', to, subject, ...body };
}

/** An absolute link to `path` on this site with the token in its query. */
export function tokenLink(path: string, token: string): string {
  return absoluteUrl(env().SITE_URL, `${path}?token=${encodeURIComponent(token)}`);
}

export function verifyAddressMail(tokenId: number, to: string, token: string): OutgoingMail {
  return accountMail(`verify:${tokenId}`, to, 'Confirm your e-mail address', 'Confirm your e-mail address', [
    { paragraph: 'Thank you for creating an account. Please confirm that this address is yours: until you do, your comments wait for a moderator.' },
    { link: { label: 'Confirm my address', url: tokenLink('/account/verify-email', token) } },
    { paragraph: 'The link works once, for 48 hours. If you did not create an account, ignore this message.' },
  ]);
}

export function registrationAttemptMail(userId: string, to: string): OutgoingMail {
  return accountMail(`register-attempt:${userId}:${Date.now()}`, to, 'Someone tried to register with your address', 'Someone tried to register with your address', [
    { paragraph: 'Somebody (perhaps you) tried to create a new account with this e-mail address. You already have an account, so nothing was changed.' },
    { paragraph: 'If you have forgotten your password, you can choose a new one:' },
    { link: { label: 'Reset my password', url: absoluteUrl(env().SITE_URL, '/forgot-password') } },
  ]);
}

export function resetPasswordMail(tokenId: number, to: string, token: string): OutgoingMail {
  return accountMail(`reset:${tokenId}`, to, 'Reset your password', 'Reset your password', [
    { paragraph: 'Somebody (perhaps you) asked to reset the password of your account. Choose a new password here:' },
    { link: { label: 'Choose a new password', url: tokenLink('/reset-password', token) } },
    { paragraph: 'The link works once, for one hour. Setting a new password signs your account out everywhere. If you did not ask, ignore this message: your password stays as it is.' },
  ]);
}

export function confirmNewAddressMail(tokenId: number, to: string, token: string): OutgoingMail {
  return accountMail(`change-email:${tokenId}`, to, 'Confirm your new e-mail address', 'Confirm your new e-mail address', [
    { paragraph: 'You asked to use this address for your account. Please confirm that it is yours:' },
    { link: { label: 'Use this address', url: tokenLink('/account/confirm-email', token) } },
    { paragraph: 'The link works once, for 24 hours. Until then your account keeps its old address.' },
  ]);
}

export function addressChangeNoticeMail(tokenId: number, to: string, newEmail: string): OutgoingMail {
  return accountMail(`change-email-notice:${tokenId}`, to, 'Your e-mail address is about to change', 'Your e-mail address is about to change', [
    { paragraph: `Somebody signed in to your account asked to change its e-mail address to ${newEmail}. It changes once the new address is confirmed.` },
    { paragraph: 'If this was not you, change your password at once and sign out everywhere from your account page:' },
    { link: { label: 'Your account', url: absoluteUrl(env().SITE_URL, '/account') } },
  ]);
}

export function addressInUseMail(userId: string, to: string): OutgoingMail {
  return accountMail(`address-in-use:${userId}:${Date.now()}`, to, 'Someone tried to use your address', 'Someone tried to use your address', [
    { paragraph: 'Somebody signed in to another account asked to move it to this e-mail address. This address belongs to your account, so nothing was changed.' },
  ]);
}

export function signInLinkMail(key: string, to: string, url: string, expires: Date): OutgoingMail {
  const minutes = Math.max(1, Math.round((expires.getTime() - Date.now()) / 60_000));
  return accountMail(key, to, `Sign in to ${env().SITE_NAME}`, 'Your sign-in link', [
    { paragraph: 'Somebody (perhaps you) asked for a link to sign in to your account without a password.' },
    { link: { label: 'Sign me in', url } },
    { paragraph: `The link works once, for ${minutes} minutes. If you did not ask for it, ignore this message.` },
  ]);
}
