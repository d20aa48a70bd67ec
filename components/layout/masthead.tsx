import Link from 'next/link';

import { listSections } from '@/data/taxonomy';
import { env } from '@/lib/env';

export async function Masthead() {
  const sections = await listSections();
  return (
    <header className="masthead">
      <div className="masthead__inner">
        <p className="masthead__title">
          <Link href="/">{env().SITE_NAME}</Link>
        </p>
        <p className="masthead__tagline">Independent reporting, every day</p>
      </div>
      <nav className="section-nav" aria-label="Sections">
        <ul>
          <li>
            <Link href="/">Home</Link>
          </li>
          {sections.map((section) => (
            <li key={section.slug}>
              <Link href={`/${section.slug}`}>{section.name}</Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
