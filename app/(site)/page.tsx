import Link from 'next/link';
import { connection } from 'next/server';

import { ArticleCard } from '@/components/article/article-card';
import { getFrontPage } from '@/data/lists';

export default async function FrontPage() {
  await connection();
  const front = await getFrontPage();
  return (
    <div className="front">
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
