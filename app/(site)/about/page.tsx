import { Link } from '@/components/ui/link';

import { SitePage, sitePageMetadata } from '@/components/pages/site-page';
import { env } from '@/lib/env';

export const metadata = sitePageMetadata('about', 'Who we are, what we cover and how our newsroom works.');

export default function AboutPage() {
  const name = env().SITE_NAME;
  return (
    <SitePage slug="about" lede={`${name} is an independent daily newspaper: reporting, analysis and opinion, published first on the web.`}>
      <h2>Who we are</h2>
      <p>
        {name} is written and edited by a small newsroom of reporters, editors and moderators. We are funded by our readers and owe
        nothing to any party, company or advertiser. Every story names the people who wrote it; their author pages list what else they
        have written.
      </p>
      <h2>What we publish</h2>
      <ul>
        <li>
          <strong>News</strong>: what happened, checked and sourced.
        </li>
        <li>
          <strong>Analysis</strong> and <strong>explainers</strong>: what it means, labelled as such.
        </li>
        <li>
          <strong>Opinion</strong> and <strong>reviews</strong>: one writer’s view, always marked, never mixed into news.
        </li>
      </ul>
      <p>Each story says at the top which of these it is.</p>
      <h2>How we work</h2>
      <p>
        Every story is read by an editor before it is published. When we get something wrong we say so on the story itself: see our{' '}
        <Link href="/corrections-policy">corrections policy</Link>. Readers may comment under most stories; our{' '}
        <Link href="/terms">terms</Link> say what we expect of commenters.
      </p>
      <p>
        To tell us something, send a tip or complain, see <Link href="/contact">how to reach the newsroom</Link>.
      </p>
      <p>All stories on this demonstration site are invented.</p>
    </SitePage>
  );
}
