import { Link } from '@/components/ui/link';

import { SitePage, sitePageMetadata } from '@/components/pages/site-page';

export const metadata = sitePageMetadata('contact', 'How to reach the newsroom: tips, corrections, comments and everything else.');

export default function ContactPage() {
  return (
    <SitePage slug="contact" lede="Write to the desk that can help you; a person reads every message, usually the same working day.">
      <dl>
        <dt>News tips and stories</dt>
        <dd>
          <a href="mailto:newsroom@example.org">newsroom@example.org</a>. Tell us what you know and how we can reach you. If you need to
          stay anonymous, say so before you send documents; we protect our sources.
        </dd>
        <dt>Corrections</dt>
        <dd>
          <a href="mailto:corrections@example.org">corrections@example.org</a>, with the story’s address and what is wrong. See our{' '}
          <Link href="/corrections-policy">corrections policy</Link>.
        </dd>
        <dt>Comments and moderation</dt>
        <dd>
          Use the <strong>Report</strong> button under a comment (signed in), or write to{' '}
          <a href="mailto:moderation@example.org">moderation@example.org</a> about a decision on your own comments or account.
        </dd>
        <dt>Your account and your data</dt>
        <dd>
          Change your name or password on your <Link href="/account">account page</Link>. For a copy or the deletion of your data,
          write to <a href="mailto:privacy@example.org">privacy@example.org</a> (see our <Link href="/privacy">privacy notice</Link>).
        </dd>
        <dt>Everything else</dt>
        <dd>
          <a href="mailto:editor@example.org">editor@example.org</a> reaches the editor’s office.
        </dd>
      </dl>
      <h2>By post</h2>
      <p>
        The Newsroom, 1 Example Street, London EC1A 1AA, United Kingdom.
      </p>
    </SitePage>
  );
}
