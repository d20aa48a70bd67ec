import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { eq, sql } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { articles } from '@/db/schema';
import { createFactory, daysAgo, inDays } from '@/test/factories';
import { parseSearchParams } from '@/lib/validation/search';

import { publishArticle, unpublishArticle } from './article-editor';
import { searchArticles } from './search';
import { searchWordDocuments, syncDueSearchWords } from './search-words';

let factory: ReturnType<typeof createFactory>;
beforeEach(() => {
  factory = createFactory();
});
afterEach(async () => {
  await factory.cleanUp();
});

const search = (params: Record<string, string>) => searchArticles(parseSearchParams(params));
// Words no other test uses, so results are this test's own.
const W = { a: 'zanzibarite', b: 'quellwort', c: 'ostrovine' };

describe('searchArticles', () => {
  it('ranks a headline match above a standfirst match above a body match, and finds words deep in the body', async () => {
    const section = await factory.section();
    const inBody = await factory.article({ sectionId: section.id, headline: 'Council meets', body: `${'Filler words here. '.repeat(300)} The ${W.a} deposit was found.` });
    const inDek = await factory.article({ sectionId: section.id, headline: 'Mining news', dek: `A ${W.a} find` });
    const inHeadline = await factory.article({ sectionId: section.id, headline: `${W.a} rush begins` });
    const result = await search({ q: W.a });
    expect(result.hits.map((hit) => hit.id)).toEqual([inHeadline.id, inDek.id, inBody.id]);
    expect(result.total).toBe(3);
    expect(result.hits[2]!.snippetHtml).toContain(`<mark>${W.a}</mark>`);
  });

  it('pages its results, and a page past the last shows the last page', async () => {
    const section = await factory.section();
    const made = [];
    for (let i = 0; i < 12; i += 1) made.push(await factory.article({ sectionId: section.id, headline: `Report ${i} on ${W.c}`, publishedAt: daysAgo(i + 1) }));
    const first = await search({ q: W.c });
    expect(first).toMatchObject({ total: 12, page: 1, pageCount: 2 });
    expect(first.hits).toHaveLength(10);
    const second = await search({ q: W.c, page: '2' });
    expect(second.page).toBe(2);
    expect(second.hits.map((hit) => hit.id).sort()).toEqual(made.map((story) => story.id).filter((id) => !first.hits.some((hit) => hit.id === id)).sort());
    const beyond = await search({ q: W.c, page: '7' });
    expect(beyond.page).toBe(2);
    expect(beyond.hits.map((hit) => hit.id)).toEqual(second.hits.map((hit) => hit.id));
  });

  it('supports "phrases", -exclusion and or', async () => {
    const section = await factory.section();
    const both = await factory.article({ sectionId: section.id, headline: `${W.b} ${W.c} together` });
    const onlyB = await factory.article({ sectionId: section.id, headline: `${W.b} alone` });
    const reversed = await factory.article({ sectionId: section.id, headline: `${W.c} then ${W.b}` });
    const ids = async (q: string) => (await search({ q })).hits.map((hit) => hit.id).sort();
    expect(await ids(`"${W.b} ${W.c}"`)).toEqual([both.id]);
    expect(await ids(`${W.b} -${W.c}`)).toEqual([onlyB.id]);
    expect(await ids(`${W.b} or ${W.c}`)).toEqual([both.id, onlyB.id, reversed.id].sort());
  });

  it('finds only published, due stories', async () => {
    const section = await factory.section();
    const visible = await factory.article({ sectionId: section.id, headline: `${W.c} visible` });
    await factory.article({ sectionId: section.id, headline: `${W.c} draft`, status: 'draft', publishedAt: null });
    await factory.article({ sectionId: section.id, headline: `${W.c} scheduled`, publishedAt: inDays(1) });
    await factory.article({ sectionId: section.id, headline: `${W.c} expired`, publishedAt: daysAgo(3), unpublishAt: daysAgo(1) });
    expect((await search({ q: W.c })).hits.map((hit) => hit.id)).toEqual([visible.id]);
  });

  it('filters by section, author and date range', async () => {
    const politics = await factory.section();
    const sport = await factory.section();
    const ada = await factory.author('Ada');
    const recent = await factory.article({ sectionId: politics.id, headline: `${W.b} recent`, authorIds: [ada.id], publishedAt: daysAgo(2) });
    const old = await factory.article({ sectionId: politics.id, headline: `${W.b} old`, publishedAt: new Date('2025-01-15T12:00:00Z') });
    const other = await factory.article({ sectionId: sport.id, headline: `${W.b} sport`, publishedAt: daysAgo(2) });
    const ids = async (params: Record<string, string>) => (await search({ q: W.b, ...params })).hits.map((hit) => hit.id).sort();
    expect(await ids({ section: politics.slug })).toEqual([recent.id, old.id].sort());
    expect(await ids({ author: ada.slug })).toEqual([recent.id]);
    expect(await ids({ from: '2025-01-01', to: '2025-01-31' })).toEqual([old.id]);
    expect(await ids({ to: '2025-01-15' })).toEqual([old.id]);
    expect(await ids({ section: sport.slug, author: ada.slug })).toEqual([]);
    expect(await ids({})).toContain(other.id);
  });

  it('tolerates typos in headlines and author names when the plain search finds little', async () => {
    const section = await factory.section();
    const author = await factory.author('Philippa Featherstonehaugh');
    const story = await factory.article({ sectionId: section.id, headline: 'Harbourmaster resigns over breakwater', authorIds: [author.id] });
    // As typed (exact=1), the words find nothing: headlines spelled alike are offered.
    const result = await search({ q: 'harbormaster resigns over breakwatter', exact: '1' });
    expect(result.similarHeadlines.map((card) => card.id)).toContain(story.id);
    // Corrected by the word list, the story is a result.
    const corrected = await search({ q: 'harbormaster resigns over breakwatter' });
    expect(corrected.correction).toEqual({ query: 'harbourmaster resigns over breakwater', applied: true });
    expect(corrected.hits.map((hit) => hit.id)).toEqual([story.id]);
    const names = await search({ q: 'Philipa Featherstonhaugh' });
    expect(names.similarAuthors.map((found) => found.slug)).toContain(author.slug);
  });

  it.each([
    ['an unbalanced quote', `"unbalanced`],
    ['SQL', `'; drop table articles; --`],
    ['markup', `<script>alert(1)</script>`],
    ['tsquery operators', `!!! && || :* ()`],
    ['a NUL byte', `a\u0000b`],
    ['a very long query', 'x'.repeat(5000)],
    ['a lone minus', `-`],
    ['only operators', `or or or`],
    ['trigram wildcards', `%_% \\ %%%`],
    ['mixed scripts and emoji', `ḉåfé 東京 🙂 zzqx`],
    ['many misspelt words', 'councl '.repeat(40)],
  ])('never fails on hostile input: %s', async (_name, q) => {
    const result = await search({ q });
    expect(result.total).toBeGreaterThanOrEqual(0);
    for (const hit of result.hits) expect(hit.snippetHtml).not.toMatch(/<(?!\/?mark>)/);
  });

  it('escapes markup in snippets but keeps the highlight', async () => {
    const section = await factory.section();
    await factory.article({ sectionId: section.id, headline: 'Markup story', body: `Beware <img src=x onerror=alert(1)> the ${W.a}quartz` });
    const [hit] = (await search({ q: `${W.a}quartz` })).hits;
    expect(hit!.snippetHtml).toContain('&lt;img src=x onerror=alert(1)');
    expect(hit!.snippetHtml).not.toContain('<img');
    expect(hit!.snippetHtml).toContain('<mark>');
  });
});

describe('spelling correction', () => {
  it('corrects a misspelt word to the archive word and shows its results, unless asked for the words as typed', async () => {
    const section = await factory.section();
    const stories = await Promise.all([1, 2, 3].map((n) => factory.article({ sectionId: section.id, headline: `Fenwickton story ${n}` })));
    const result = await search({ q: 'fenwikton' });
    expect(result.correction).toEqual({ query: 'fenwickton', applied: true });
    expect(result.query).toBe('fenwickton');
    expect(result.hits.map((hit) => hit.id).sort()).toEqual(stories.map((story) => story.id).sort());
    const exact = await search({ q: 'fenwikton', exact: '1' });
    expect(exact.correction).toBeNull();
    expect(exact.total).toBe(0);
    // Keeps the rest of the query (here a section filter) and corrects each unknown word.
    const two = await search({ q: 'Fenwikton storry', section: section.slug });
    expect(two.correction?.query).toBe('fenwickton story');
    expect(two.total).toBe(3);
    // A correction that finds nothing within the filters either is not offered: no results, page 1 of 1.
    const elsewhere = await factory.section();
    const none = await search({ q: 'fenwikton', section: elsewhere.slug, page: '3' });
    expect(none.correction).toBeNull();
    expect(none.query).toBe('fenwikton');
    expect([none.total, none.hits.length, none.page, none.pageCount]).toEqual([0, 0, 1, 1]);
  });

  it('prefers the word more stories use among equally near ones, and corrects a name word by word', async () => {
    const section = await factory.section();
    for (let n = 0; n < 3; n += 1) await factory.article({ sectionId: section.id, headline: `Brackwater report ${n}`, body: 'Flooding at Tarrowby Moor again.' });
    await factory.article({ sectionId: section.id, headline: 'Brackwaiter diary' });
    expect((await search({ q: 'brackwatter' })).correction?.query).toBe('brackwater');
    const name = await search({ q: 'tarrowby mor' });
    expect(name.correction).toEqual({ query: 'tarrowby moor', applied: true });
    expect(name.total).toBe(3);
  });

  it('only suggests ("Did you mean") when the typed words found something, and never for words the archive has', async () => {
    const section = await factory.section();
    const known = await factory.article({ sectionId: section.id, headline: 'Quillerbeck opens' });
    await Promise.all([1, 2, 3].map((n) => factory.article({ sectionId: section.id, headline: `Ostermoorland ${n}` })));
    const plain = await search({ q: 'quillerbeck' });
    expect(plain.correction).toBeNull();
    expect(plain.hits.map((hit) => hit.id)).toEqual([known.id]);
    const suggested = await search({ q: 'quillerbeck or ostermorland' });
    expect(suggested.correction).toEqual({ query: 'quillerbeck or ostermoorland', applied: false });
    expect(suggested.hits.map((hit) => hit.id)).toEqual([known.id]);
    // Stop words and nonsense far from every word are left alone.
    expect((await search({ q: 'the zzqxvjkw' })).correction).toBeNull();
  });

  it('keeps the word list current as stories are published, edited, scheduled, expired and unpublished', async () => {
    const section = await factory.section();
    const author = await factory.author('Writer');
    const editor = await factory.user('editor');
    const draft = await factory.article({ sectionId: section.id, headline: 'Yarrowmede floods', status: 'draft', publishedAt: null, authorIds: [author.id] });
    expect(await searchWordDocuments('yarrowmede')).toBe(0);
    expect((await search({ q: 'yarowmede' })).correction).toBeNull();

    await publishArticle(editor, draft.id, draft.version, { publishAt: null, unpublishAt: null });
    expect(await searchWordDocuments('yarrowmede')).toBe(1);
    expect((await search({ q: 'yarowmede' })).correction?.query).toBe('yarrowmede');

    // An edit of the live text takes back the words it lost.
    await getDb().update(articles).set({ headline: 'Wistlecombe floods' }).where(eq(articles.id, draft.id));
    expect(await searchWordDocuments('yarrowmede')).toBe(0);
    expect(await searchWordDocuments('wistlecombe')).toBe(1);
    // Phrases are looked up by their pairs of words (migration 0015), kept by the same upkeep.
    expect((await search({ q: '"wistlecombe floods"' })).hits.map((hit) => hit.id)).toEqual([draft.id]);
    expect((await search({ q: '"yarrowmede floods"', exact: '1' })).total).toBe(0);
    const [row] = await getDb().select({ version: articles.version }).from(articles).where(eq(articles.id, draft.id));
    await unpublishArticle(editor, draft.id, row!.version);
    expect(await searchWordDocuments('wistlecombe')).toBe(0);
    expect(await searchWordDocuments('floods')).toBe(0);

    // The clock: a scheduled story counts once due, an expired one stops counting (the worker's job).
    const scheduled = await factory.article({ sectionId: section.id, headline: 'Calderbrook fair', publishedAt: inDays(1) });
    const expiring = await factory.article({ sectionId: section.id, headline: 'Drummelsby fair', publishedAt: daysAgo(2), unpublishAt: inDays(1) });
    expect(await searchWordDocuments('calderbrook')).toBe(0);
    expect(await searchWordDocuments('drummelsby')).toBe(1);
    // Time passes without a write: move both stories' times with the trigger off, as if the clock had moved.
    await getDb().transaction(async (tx) => {
      await tx.execute(sql`alter table articles disable trigger articles_search_words`);
      await tx.execute(sql`update articles set published_at = now() - interval '1 hour' where id = ${scheduled.id}`);
      await tx.execute(sql`update articles set unpublish_at = now() - interval '1 minute' where id = ${expiring.id}`);
      await tx.execute(sql`alter table articles enable trigger articles_search_words`);
    });
    expect(await searchWordDocuments('calderbrook')).toBe(0);
    expect(await searchWordDocuments('drummelsby')).toBe(1);
    expect(await syncDueSearchWords()).toBeGreaterThanOrEqual(1);
    expect(await searchWordDocuments('calderbrook')).toBe(1);
    expect(await searchWordDocuments('drummelsby')).toBe(0);
    expect(await syncDueSearchWords()).toBe(0);
  });
});
