import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';

import { ArticleCard } from '@/components/article/article-card';
import { JsonLd } from '@/components/seo/json-ld';
import { getFrontPage } from '@/data/lists';
import { listingMetadata, site } from '@/lib/metadata';
import { websiteJsonLd } from '@/lib/structured-data';

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const { title, ...rest } = listingMetadata({ title: site().name, description: 'Independent news, analysis and opinion: the latest stories.', path: '/', feedTitle: site().name });
  return { ...rest, title: { absolute: String(title) } };
}

export default async function FrontPage() {
  await connection();
  const front = await getFrontPage();
  return (
    <div className="front">
      <JsonLd data={websiteJsonLd(site())} />
      <h1 className="visually-hidden">Front page</h1>
      {front.lead ? (
        <section className="front__top" aria-label="Top stories">
          <div className="front__lead">
            <ArticleCard card={front.lead} variant="lead" headingLevel={2} showSection />
          </div>
          <ol className="front__secondary">
            {front.top.map((card) => (
              <li key={card.id}>
                <ArticleCard card={card} headingLevel={3} showSection />
              </li>
            ))}
          </ol>
        </section>
      ) : (
        <p className="empty">No stories have been published yet.</p>
      )}

      <div className="front__columns">
        <div className="front__rails">
          {front.rails.map((rail) => (
            <section key={rail.section.slug} className="rail" aria-labelledby={`rail-${rail.section.slug}`}>
              <h2 id={`rail-${rail.section.slug}`} className="rail-title">
                <Link href={`/${rail.section.slug}`}>{rail.section.name}</Link>
              </h2>
              <ol className="rail__list">
                {rail.articles.map((card, index) => (
                  <li key={card.id}>
                    <ArticleCard card={card} variant={index === 0 ? 'standard' : 'compact'} headingLevel={3} />
                  </li>
                ))}
              </ol>
            </section>
          ))}
        </div>
        {front.latest.length > 0 && (
          <aside className="front__latest" aria-labelledby="latest-title">
            <h2 id="latest-title" className="rail-title">
              Latest news
            </h2>
            <ol className="latest__list">
              {front.latest.map((card) => (
                <li key={card.id}>
                  <ArticleCard card={card} variant="compact" headingLevel={3} showSection />
                </li>
              ))}
            </ol>
          </aside>
        )}
      </div>
    </div>
  );
}
