import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createFactory, daysAgo, inDays } from '@/test/factories';

import { listRelatedStories, scoreRelatedCandidates } from './related';

let factory: ReturnType<typeof createFactory>;
beforeEach(() => {
  factory = createFactory();
});
afterEach(async () => {
  await factory.cleanUp();
});

/** Gives `tagId` to `count` filler stories in `sectionId`, making it a common tag. */
async function makeCommon(sectionId: number, tagId: number, count: number) {
  for (let i = 0; i < count; i += 1) {
    await factory.article({ sectionId, headline: `Filler ${i} about nothing much`, tagIds: [tagId], publishedAt: daysAgo(400 + i) });
  }
}

describe('listRelatedStories', () => {
  it('orders editor picks first, then rare shared tags over common ones, and says why', async () => {
    const politics = await factory.section('Politics');
    const sport = await factory.section('Sport');
    const rare = await factory.tag('Elections');
    const common = await factory.tag('Government');
    await makeCommon(sport.id, common.id, 30);

    const source = await factory.article({ sectionId: politics.id, headline: 'Parliament sets the date of the snap election', tagIds: [rare.id, common.id], publishedAt: daysAgo(1) });
    const sharesRare = await factory.article({ sectionId: sport.id, headline: 'Footballers asked to register to vote', tagIds: [rare.id], publishedAt: daysAgo(20) });
    const sharesCommon = await factory.article({ sectionId: sport.id, headline: 'Stadium funding row rumbles on', tagIds: [common.id], publishedAt: daysAgo(2) });
    const sameSection = await factory.article({ sectionId: politics.id, headline: 'Committee hears from the treasury', publishedAt: daysAgo(3) });
    const picked = await factory.article({ sectionId: sport.id, headline: 'Cup final tickets go on sale', publishedAt: daysAgo(300) });
    await factory.pick(source.id, picked.id);

    const related = await listRelatedStories(source.id);
    const ids = related.map((story) => story.id);
    expect(ids[0]).toBe(picked.id);
    expect(related[0]!.reason).toBe("Editor's pick");
    expect(ids.indexOf(sharesRare.id)).toBeLessThan(ids.indexOf(sharesCommon.id));
    expect(ids).toContain(sameSection.id);
    expect(related.find((story) => story.id === sharesRare.id)!.reason).toBe('More on: Elections');
    expect(related.find((story) => story.id === sameSection.id)!.reason).toBe('Also in Politics');
    expect(related).toHaveLength(5);
  });

  it('lists nothing for a story readers cannot see (a draft, a scheduled or an expired story) or an id that is not one', async () => {
    const section = await factory.section('News');
    const tag = await factory.tag('Harbour');
    await factory.article({ sectionId: section.id, tagIds: [tag.id], headline: 'Ferry timetable changes for winter' });
    const picked = await factory.article({ sectionId: section.id, headline: 'Lighthouse reopens to visitors' });
    const draft = await factory.article({ sectionId: section.id, tagIds: [tag.id], status: 'draft', publishedAt: null, headline: 'Harbour master to step down' });
    const scheduled = await factory.article({ sectionId: section.id, tagIds: [tag.id], publishedAt: inDays(1), headline: 'Harbour fees to rise next year' });
    const expired = await factory.article({ sectionId: section.id, tagIds: [tag.id], publishedAt: daysAgo(5), unpublishAt: daysAgo(1), headline: 'Harbour festival this weekend' });
    for (const hidden of [draft, scheduled, expired]) {
      await factory.pick(hidden.id, picked.id);
      expect(await listRelatedStories(hidden.id)).toEqual([]);
    }
    // The cached function is callable with anything its caller sends: nonsense is an empty list, not a database error.
    for (const nonsense of [0, -1, 1.5, Number.NaN, 2 ** 40, '1 or 1=1', null] as unknown as number[]) {
      expect(await listRelatedStories(nonsense)).toEqual([]);
    }
  });

  it('never lists the story itself, a draft, a scheduled story, an expired one, or an unpublished pick', async () => {
    const section = await factory.section('News');
    const tag = await factory.tag('Floods');
    const source = await factory.article({ sectionId: section.id, tagIds: [tag.id], headline: 'River bursts its banks' });
    const draft = await factory.article({ sectionId: section.id, tagIds: [tag.id], status: 'draft', publishedAt: null });
    const scheduled = await factory.article({ sectionId: section.id, tagIds: [tag.id], publishedAt: inDays(1) });
    const expired = await factory.article({ sectionId: section.id, tagIds: [tag.id], publishedAt: daysAgo(5), unpublishAt: daysAgo(1) });
    const visible = await factory.article({ sectionId: section.id, tagIds: [tag.id], headline: 'Sandbags handed out in town square' });
    await factory.pick(source.id, draft.id);

    const ids = (await listRelatedStories(source.id)).map((story) => story.id);
    expect(ids).toEqual([visible.id]);
    for (const hidden of [source.id, draft.id, scheduled.id, expired.id]) expect(ids).not.toContain(hidden);
  });

  it('keeps only one of two near-duplicate stories', async () => {
    const section = await factory.section('News');
    const tag = await factory.tag('Strikes');
    const source = await factory.article({ sectionId: section.id, tagIds: [tag.id], headline: 'Teachers vote on new contract' });
    const first = await factory.article({ sectionId: section.id, tagIds: [tag.id], headline: 'Rail strike called off after late-night talks', publishedAt: daysAgo(1) });
    const duplicate = await factory.article({ sectionId: section.id, tagIds: [tag.id], headline: 'Rail strike called off after late night talks', publishedAt: daysAgo(2) });
    const other = await factory.article({ sectionId: section.id, tagIds: [tag.id], headline: 'Nurses plan ballot over pay', publishedAt: daysAgo(3) });

    const ids = (await listRelatedStories(source.id)).map((story) => story.id);
    expect(ids).toEqual([first.id, other.id]);
    expect(ids).not.toContain(duplicate.id);
  });

  it('breaks ties between equal tag matches by text similarity, then by freshness', async () => {
    const section = await factory.section('Science');
    const other = await factory.section('Culture');
    const tag = await factory.tag('Space');
    const source = await factory.article({ sectionId: section.id, tagIds: [tag.id], headline: 'Comet fragments found in desert crater', dek: 'Meteorite hunters recover comet dust.' });
    const similarText = await factory.article({ sectionId: other.id, tagIds: [tag.id], headline: 'How meteorite hunters search a desert crater', publishedAt: daysAgo(60) });
    const fresher = await factory.article({ sectionId: other.id, tagIds: [tag.id], headline: 'Museum opens a new gallery', publishedAt: daysAgo(1) });
    const older = await factory.article({ sectionId: other.id, tagIds: [tag.id], headline: 'Orchestra tours the north', publishedAt: daysAgo(200) });

    const scored = await scoreRelatedCandidates(source.id);
    expect(scored.map((candidate) => candidate.id)).toEqual([similarText.id, fresher.id, older.id]);
  });

  it('is empty for a story that shares nothing with anything public', async () => {
    const section = await factory.section('Lonely');
    const source = await factory.article({ sectionId: section.id, headline: 'Nothing else like it' });
    expect(await listRelatedStories(source.id)).toEqual([]);
  });
});
