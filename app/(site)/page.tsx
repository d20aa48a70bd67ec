import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { connection } from 'next/server';

import { ArticleCard } from '@/components/article/article-card';
import { MostRead } from '@/components/article/most-read';
import { JsonLd } from '@/components/seo/json-ld';
import common from '@/components/ui/common.module.css';
import { getFrontPage } from '@/data/lists';
import { listingMetadata, site } from '@/lib/metadata';
import { websiteJsonLd } from '@/lib/structured-data';

import styles from './front-page.module.css';

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const { title, ...rest } = listingMetadata({ title: site().name, description: 'Independent news, analysis and opinion: the latest stories.', path: '/', feedTitle: site().name });
  return { ...rest, title: { absolute: String(title) } };
}

export default async function FrontPage() {
  await connection();
  const front = await getFrontPage();
  return (
    <div>
      <JsonLd data={websiteJsonLd(site())} />
      <h1 className="visually-hidden">Front page</h1>
      {front.lead ? (
        <section className={styles.top} aria-label="Top stories">
          <div>
            <ArticleCard card={front.lead} variant="lead" headingLevel={2} showSection />
          </div>
          <ol className={styles.secondary}>
            {front.top.map((card) => (
              <li key={card.id}>
                <ArticleCard card={card} headingLevel={3} showSection />
              </li>
            ))}
          </ol>
        </section>
      ) : (
        <p className={common.empty}>No stories have been published yet.</p>
      )}

      <div className={styles.columns}>
        <div className={styles.rails}>
          {front.rails.map((rail) => (
            <section key={rail.section.slug} aria-labelledby={`rail-${rail.section.slug}`}>
              <h2 id={`rail-${rail.section.slug}`} className={common.railTitle}>
                <Link href={`/${rail.section.slug}`}>{rail.section.name}</Link>
              </h2>
              <ol className={styles.railList}>
                {rail.articles.map((card, index) => (
                  <li key={card.id}>
                    <ArticleCard card={card} variant={index === 0 ? 'standard' : 'compact'} headingLevel={3} />
                  </li>
                ))}
              </ol>
            </section>
          ))}
        </div>
        <div>
          <MostRead />
          {front.latest.length > 0 && (
            <aside aria-labelledby="latest-title">
              <h2 id="latest-title" className={common.railTitle}>
                Latest news
              </h2>
              <ol className={styles.latestList}>
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
    </div>
  );
}
