import { Link } from '@/components/ui/link';

import { SitePage, sitePageMetadata } from '@/components/pages/site-page';

export const metadata = sitePageMetadata('corrections-policy', 'How we correct mistakes, and how to tell us about one.');

export default function CorrectionsPolicyPage() {
  return (
    <SitePage slug="corrections-policy" lede="When we get something wrong, we fix it quickly and say so on the story, where readers will see it.">
      <h2>What we do</h2>
      <p>
        We never change a published story silently. Each change of substance is noted at the end of the story under{' '}
        <strong>Corrections and updates</strong>, with its date and a plain description of what changed:
      </p>
      <dl>
        <dt>Correction</dt>
        <dd>We got a fact wrong: a name, a number, a date, a quote. The note says what was wrong and what is right.</dd>
        <dt>Clarification</dt>
        <dd>The facts were right, but the way we put them could mislead. The note says what we have made clearer.</dd>
        <dt>Update</dt>
        <dd>Something new has happened since we published, and the story now says so.</dd>
      </dl>
      <p>
        Spelling and typing mistakes that change no meaning are fixed without a note. A story’s page shows when it was last updated.
      </p>
      <h2>Removing stories</h2>
      <p>
        We take a story down only for legal reasons or when it cannot be put right; the decision is the editor’s. Old stories
        stay available as they were published, with a warning that they are more than a year old.
      </p>
      <h2>Tell us</h2>
      <p>
        If you think we have got something wrong, write to <a href="mailto:corrections@example.org">corrections@example.org</a> with
        the story’s address and what is wrong. An editor will answer, and will correct the story if you are right. More ways to
        reach us are on the <Link href="/contact">contact page</Link>.
      </p>
    </SitePage>
  );
}
