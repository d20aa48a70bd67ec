import { Link } from '@/components/ui/link';

import { SitePage, sitePageMetadata } from '@/components/pages/site-page';
import { env } from '@/lib/env';

export const metadata = sitePageMetadata('privacy', 'What data we keep about readers and commenters, why, and for how long.');

export default function PrivacyPage() {
  const name = env().SITE_NAME;
  return (
    <SitePage slug="privacy" lede="You can read everything we publish without an account, without being tracked and without a cookie.">
      <h2>Reading</h2>
      <p>
        {name} shows no advertising and runs no analytics or tracking scripts. Reading stories, lists, search and feeds sets no
        cookie. Like every web server, ours sees your IP address with each request; it is used to deliver the page and to protect
        the sign-in form from password guessing, and is not kept with anything about you.
      </p>
      <h2>Accounts</h2>
      <p>If you create an account to comment, we keep:</p>
      <ul>
        <li>your name, shown with your comments, and your e-mail address, used to sign you in and never shown to anyone;</li>
        <li>your password, only as a salted, memory-hard hash: nobody here can read it;</li>
        <li>when the account was created, and whether it is suspended or banned from commenting.</li>
      </ul>
      <h2>Comments</h2>
      <p>
        We keep what you post, when, the story it belongs to, whether a moderator approved, rejected or deleted it, the comments you
        liked and reported, and the reasons you gave for a report. Moderators see your comment history when they decide on a report.
        A deleted comment is removed from the page; our moderation record of it is kept so that decisions can be explained.
      </p>
      <h2>Cookies</h2>
      <p>
        We use cookies for signing in and nothing else: a session cookie that keeps you signed in (for up to 30 days, or until you
        sign out), and the short-lived cookies the sign-in form needs to protect itself against forged requests. They are strictly
        necessary for a service you asked for, so we do not ask for consent; without them you can still read everything.
      </p>
      <h2>Who sees your data</h2>
      <p>
        Our editors and moderators, to run the comments. We do not sell or share it with anyone else, except where the law requires
        us to.
      </p>
      <h2>Your rights</h2>
      <p>
        You can change your name and password on your <Link href="/account">account page</Link>, and sign out everywhere from it.
        To get a copy of your data, or to have your account and comments deleted, write to{' '}
        <a href="mailto:privacy@example.org">privacy@example.org</a>. You may also complain to the Information Commissioner’s
        Office.
      </p>
    </SitePage>
  );
}
