import { describe, expect, it } from 'vitest';

import { articleFormInput, parseArticleForm } from './articles';

function input(values: Record<string, string | string[]>) {
  const data = new FormData();
  const base = { headline: 'Storm closes the harbour road', dek: '', body: 'Text', slug: '', sectionId: '1', format: 'news', tags: '', heroImageId: '', heroAlt: '', heroCaption: '', seoTitle: '', seoDescription: '', related: '' };
  for (const [key, value] of Object.entries({ ...base, ...values })) for (const item of [value].flat()) data.append(key, item);
  return articleFormInput(data);
}

describe('parseArticleForm', () => {
  it('makes the slug from the headline when it is left empty, and tidies tags and related slugs', () => {
    const result = parseArticleForm(input({ tags: ' Weather,  Harbour  road ,Weather,,', related: 'a-story\n/news/another-story\n', authorIds: ['3', '4'] }));
    expect(result).toMatchObject({ success: true, data: { slug: 'storm-closes-the-harbour-road', tags: ['Weather', 'Harbour road'], related: ['a-story', '/news/another-story'], authorIds: [3, 4], heroImageId: null } });
  });

  it('reports every problem at once, beside its field', () => {
    const result = parseArticleForm(input({ headline: ' ', slug: 'Bad Slug', sectionId: 'x', format: 'gossip', heroImageId: '7', body: 'nul \u0000 here' }));
    expect(result.success).toBe(false);
    if (!result.success) expect(Object.keys(result.fieldErrors).sort()).toEqual(['body', 'format', 'headline', 'heroAlt', 'sectionId', 'slug']);
  });

  it('refuses reserved slugs and headlines that give no slug', () => {
    const reserved = parseArticleForm(input({ slug: 'page' }));
    expect(reserved.success).toBe(false);
    const noSlug = parseArticleForm(input({ headline: '!!!' }));
    expect(noSlug).toMatchObject({ success: false, fieldErrors: { slug: ['The headline gives no usable slug; type one.'] } });
  });

  it('keeps Unicode intact and limits lengths', () => {
    const result = parseArticleForm(input({ headline: 'Café owner’s “big” day 🎉', dek: 'ع'.repeat(10) }));
    expect(result).toMatchObject({ success: true, data: { headline: 'Café owner’s “big” day 🎉', slug: 'cafe-owners-big-day' } });
    expect(parseArticleForm(input({ headline: 'x'.repeat(201) })).success).toBe(false);
  });
});
