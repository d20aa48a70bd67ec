import Link from 'next/link';
import { Suspense } from 'react';

import { listSections } from '@/data/taxonomy';
import { env } from '@/lib/env';

import { AccountLink } from './account-link';

export async function Masthead() {
  const sections = await listSections();
  return (
    <header className="masthead">
      <div className="masthead__inner">
        <p className="masthead__title">
          <Link href="/">{env().SITE_NAME}</Link>
        </p>
        <p className="masthead__tagline">Independent reporting, every day</p>
        <div className="masthead__account">
          {/* Visitor-specific: its own boundary, so nothing about the viewer is mixed into shared output. */}
          <Suspense fallback={null}>
            <AccountLink />
          </Suspense>
        </div>
        <form className="masthead__search" action="/search" method="get" role="search" aria-label="Site search">
          <label htmlFor="masthead-q" className="visually-hidden">
            Search stories
          </label>
          <input id="masthead-q" name="q" type="search" placeholder="Search" maxLength={200} />
          <button type="submit">Search</button>
        </form>
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
