import type postgres from 'postgres';

/**
 * Fills an empty, migrated database with a synthetic archive, in SQL (generate_series), in about a minute:
 * 12 sections, 1,500 tags with a skewed popularity (a few on thousands of stories, most on a handful),
 * 400 authors, and `articles` stories over five years with ~350-word bodies (a common vocabulary plus a long tail of
 * 30,000 rarer words), 1 in 200 scheduled, 4 in 5 with a picture.
 */
export async function fillBenchArchive(client: postgres.Sql, articles: number): Promise<void> {
  // One transaction: an interrupted fill leaves an empty database, which the next run fills again.
  await client.begin(async (sql) => {
  // The word list's trigger would count 100,000 stories one at a time: count them once at the end instead.
  await sql`alter table articles disable trigger articles_search_words`;
  const words = `council minister vote budget election parliament inflation markets energy climate flood harbour school hospital
    nurses teachers strike rail ferry airport tariff trade court judge police crime housing rent mortgage bank rates growth
    recession wages pension tax reform coalition opposition campaign poll senate treaty border migration asylum refugees war
    ceasefire talks summit drought harvest farmers water storm wildfire emissions carbon solar wind nuclear grid battery
    science study research vaccine virus doctors clinic museum gallery festival film novel theatre orchestra album stadium
    league cup final coach transfer season injury record athletes olympic marathon startup software chips privacy data
    platform regulators merger shares profits losses investors consumers prices fuel oil gas shipping port workers union
    mayor city region village river coast mountain island bridge road tunnel railway station library archive report
    inquiry scandal resignation appointment strategy plan deal agreement warning crisis recovery protest march rally`
    .split(/\s+/)
    .filter(Boolean);

  await sql`insert into sections (slug, name, description, position)
    select 'section-' || g, 'Section ' || g, 'Synthetic section ' || g, g from generate_series(1, 12) g`;
  await sql`insert into tags (slug, name) select 'tag-' || g, 'Tag ' || g from generate_series(1, 1500) g`;
  await sql`insert into authors (slug, name, bio) select 'author-' || g, 'Author ' || g, 'Writes things.' from generate_series(1, 400) g`;
  await sql`select setseed(0.42)`;
  await sql`
    insert into articles (slug, section_id, headline, dek, body, format, status, published_at, created_at)
    select 'story-' || g,
      1 + (g % 12),
      initcap(w[1 + (g * 7) % n]) || ' ' || w[1 + (g * 13) % n] || ' ' || w[1 + (g * 31) % n] || ' as ' || w[1 + (g * 17) % n] || ' term' || (g * 7919) % 30000,
      'The ' || w[1 + (g * 11) % n] || ' and the ' || w[1 + (g * 19) % n] || ' dominate a week of ' || w[1 + (g * 23) % n] || '.',
      -- Three words in four from the common list, one in four from a long tail of 30,000 rarer words.
      (select string_agg(case when random() < 0.75 then w[1 + floor(random() * n)::int + 0 * k]
                              else 'term' || floor(30000 * power(random(), 2))::int end, ' ')
         from generate_series(1, 350) k where k > 0 * g),
      (array['news','news','news','analysis','opinion','explainer','review']::article_format[])[1 + g % 7],
      'published',
      case when g % 200 = 0 then now() + (g % 7 + 1) * interval '1 day'
           else now() - (random() ^ 1.5) * interval '5 years' end,
      now()
    from generate_series(1, ${articles}) g, (select ${words}::text[] as w, ${words.length}::int as n) v`;
  // 2 to 5 tags each; tag ids drawn as floor(1500 * u^3): tag 1 is on thousands of stories, tag 1,500 on a few.
  await sql`
    insert into article_tags (article_id, tag_id)
    select distinct a.id, 1 + floor(1499 * power(random(), 3))::int
    from articles a, generate_series(1, 2 + (a.id % 4)) k where k > 0 * a.id
    on conflict do nothing`;
  await sql`insert into article_authors (article_id, author_id, position) select id, 1 + (id * 7) % 400, 0 from articles`;
    // Four stories in five have a picture (the files do not exist; the queries only join the rows).
    await sql`insert into images (file_name, mime_type, width, height, byte_size)
      select 'bench-' || g || '.webp', 'image/webp', 1200, 675, 40000 from generate_series(1, 100) g`;
    await sql`update articles set hero_image_id = (select min(id) from images) + id % 100, hero_alt = 'A picture' where id % 5 <> 0`;
    await sql`alter table articles enable trigger articles_search_words`;
    await sql`select search_words_rebuild()`;
  });
  // VACUUM sets the visibility map, as autovacuum would have on a live archive, so counts can be index-only.
  await client`vacuum analyze`;
}

/**
 * Adds, once, a discussion to a benchmark archive: 300 commenters; 2,000 published comments under one story (one in
 * five a reply, likes spread by a power law); and 400 pending and 100 reported comments spread over other stories,
 * so the moderation queue has work. Returns the story's id.
 */
export async function fillBenchDiscussion(client: postgres.Sql): Promise<number> {
  return client.begin(async (sql) => {
    const [busy] = await sql<{ article_id: number }[]>`select article_id from comments group by article_id order by count(*) desc limit 1`;
    if (busy) return Number(busy.article_id);
    const [story] = await sql<{ id: number }[]>`
      select id from articles where status = 'published' and published_at <= now() order by published_at desc limit 1`;
    const storyId = Number(story!.id);
    await sql`select setseed(0.17)`;
    await sql`insert into users (name, email) select 'Commenter ' || g, 'bench-commenter-' || g || '@example.test' from generate_series(1, 300) g`;
    // Commenters and stories are picked by striding through arrays of their ids: deterministic, and fast.
    const people = sql`(select array_agg(id order by id) as ids from users where email like 'bench-commenter-%')`;
    await sql`
      insert into comments (article_id, user_id, body, status, like_count, created_at)
      select ${storyId}, p.ids[1 + (g * 31) % 300], 'A considered view, number ' || g || ', on what the story leaves out.',
             'published', floor(power(random(), 6) * 60)::int, now() - (g || ' minutes')::interval
      from generate_series(1, 1600) g, ${people} p`;
    await sql`
      insert into comments (article_id, user_id, parent_id, body, status, created_at)
      select ${storyId}, p.ids[1 + (g * 17) % 300], t.ids[1 + (g * 7) % 1600], 'A reply, number ' || g || '.', 'published', now()
      from generate_series(1, 400) g, ${people} p,
           (select array_agg(id order by id) as ids from comments where article_id = ${storyId}) t`;
    await sql`
      insert into comments (article_id, user_id, body, status, created_at)
      select a.ids[1 + (g * 7919) % array_length(a.ids, 1)], p.ids[1 + (g * 13) % 300], 'Waiting for a moderator, number ' || g || '.',
             (case when g <= 400 then 'pending' else 'published' end)::comment_status, now() - (g || ' minutes')::interval
      from generate_series(1, 500) g, ${people} p,
           (select array_agg(id order by id) as ids from articles where status = 'published' and published_at <= now() and id <> ${storyId}) a`;
    await sql`
      insert into comment_reports (comment_id, user_id, reason, note)
      select c.id, p.ids[1 + (c.id * 11) % 300], 'spam', 'Bench report.'
      from (select id from comments where body like 'Waiting for a moderator%' and status = 'published' order by id limit 100) c, ${people} p`;
    return storyId;
  });
}
