import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createFactory, daysAgo, inDays } from '@/test/factories';
import { parseSearchParams } from '@/lib/validation/search';

import { searchArticles } from './search';

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
    const result = await search({ q: 'harbormaster resigns over breakwatter' });
    expect(result.similarHeadlines.map((card) => card.id)).toContain(story.id);
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
