import { Link } from '@/components/ui/link';

import { SitePage, sitePageMetadata } from '@/components/pages/site-page';
import { env } from '@/lib/env';

export const metadata = sitePageMetadata('terms', 'The terms of using the site, and the rules for commenting.');

export default function TermsPage() {
  const name = env().SITE_NAME;
  return (
    <SitePage slug="terms" lede="The rules are short: be civil, stay on the story, and post only what you have the right to post.">
      <h2>Our journalism</h2>
      <p>
        Everything published on {name} is copyright of {name} or its contributors. You are welcome to link to any story and quote
        short extracts with a link back; please ask before republishing more.
      </p>
      <h2>Commenting</h2>
      <p>To comment you need an account and must be at least 16. When you comment, you agree:</p>
      <ul>
        <li>to write about the story and argue with ideas, not attack people;</li>
        <li>not to post anything unlawful, defamatory, hateful, harassing, or anyone’s private information;</li>
        <li>not to post spam, advertising, or the same comment again and again;</li>
        <li>that what you post is your own, and that we may publish, edit for length or remove it.</li>
      </ul>
      <p>
        You can edit your comment for 15 minutes after posting it, and delete it at any time. New accounts’ first comments may wait
        for a moderator before they appear.
      </p>
      <h2>Moderation</h2>
      <p>
        Moderators approve, reject or remove comments that break these rules, and may close a story’s comments. A reader who keeps
        breaking them may be suspended for a time or banned from commenting; the notice says which. Reported comments are read by a
        person. To question a decision, write to <a href="mailto:moderation@example.org">moderation@example.org</a>.
      </p>
      <h2>Your data</h2>
      <p>
        How we handle your account and comments is set out in our <Link href="/privacy">privacy notice</Link>.
      </p>
    </SitePage>
  );
}
