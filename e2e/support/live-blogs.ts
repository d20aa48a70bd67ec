import { randomBytes } from 'node:crypto';

import postgres from 'postgres';

import { fixture } from '../fixtures/newsroom';
import { readDatabaseUrl } from './database-address';

/**
 * A live blog of the journey's own in the suite's database (docs/adr/0026): a public story of format 'live' in the
 * fixture's desk section, `entries` entries a minute apart (the oldest first; the first one a key event), closed
 * when `closed`, the newest pinned when `pinLatest`. Written straight to the database, as the fixture is.
 */
export async function createLiveBlog(baseUrl: string, options: { entries: number; closed?: boolean; headline?: string; pinLatest?: boolean }): Promise<{ id: number; path: string; headline: string }> {
  const sql = postgres(readDatabaseUrl(new URL(baseUrl).port), { max: 1, onnotice: () => {} });
  const marker = randomBytes(3).toString('hex');
  const headline = options.headline ?? `Harbour storm live ${marker}`;
  const slug = `harbour-storm-live-${marker}`;
  try {
    const start = Date.now() - (options.entries + 10) * 60_000;
    const [story] = await sql<{ id: number }[]>`
      insert into articles (slug, section_id, headline, dek, body, format, status, published_at, live_closed_at)
      select ${slug}, id, ${headline}, 'Our live coverage of the storm.', 'The storm is expected to reach the harbour tonight.', 'live', 'published',
             ${new Date(start).toISOString()}, ${options.closed ? new Date().toISOString() : null}
      from sections where slug = ${fixture.desk.slug}
      returning id`;
    for (let i = 0; i < options.entries; i += 1) {
      await sql`
        insert into live_entries (article_id, title, body, key_event, pinned, posted_at)
        values (${story!.id}, ${i === 0 ? 'Storm warning issued' : ''}, ${`Update number ${i + 1} from the harbour.`}, ${i === 0},
                ${Boolean(options.pinLatest) && i === options.entries - 1}, ${new Date(start + (i + 1) * 60_000).toISOString()})`;
    }
    return { id: story!.id, path: `/${fixture.desk.slug}/${slug}`, headline };
  } finally {
    await sql.end();
  }
}
