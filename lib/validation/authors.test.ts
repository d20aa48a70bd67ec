import { describe, expect, it } from 'vitest';

import { authorFormSchema, authorIdSchema } from './authors';

const form = (values: Record<string, string> = {}) => ({ name: 'Ada Marsh', slug: '', jobTitle: '', bio: '', avatarImageId: '', userId: '', ...values });

describe('authorFormSchema', () => {
  it('trims text, lower-cases the slug and turns empty picks into null', () => {
    expect(authorFormSchema.parse(form({ name: ' Ada Marsh ', slug: ' Ada-Marsh ', jobTitle: ' Editor ', bio: ' Line one.\nLine two. ', avatarImageId: '7', userId: 'u-1' }))).toEqual({
      name: 'Ada Marsh',
      slug: 'ada-marsh',
      jobTitle: 'Editor',
      bio: 'Line one.\nLine two.',
      avatarImageId: 7,
      userId: 'u-1',
    });
    expect(authorFormSchema.parse(form())).toMatchObject({ slug: '', avatarImageId: null, userId: null });
  });

  it('refuses a short or multi-line name, a bad slug, an overlong bio and a non-numeric picture id', () => {
    const fields = (values: Record<string, string>) => {
      const result = authorFormSchema.safeParse(form(values));
      return result.success ? [] : result.error.issues.map((issue) => issue.path[0]);
    };
    expect(fields({ name: 'A' })).toEqual(['name']);
    expect(fields({ name: 'Ada\nMarsh' })).toEqual(['name']);
    expect(fields({ slug: 'ada marsh' })).toEqual(['slug']);
    expect(fields({ slug: 'ada--marsh' })).toEqual(['slug']);
    expect(fields({ bio: 'b'.repeat(2001) })).toEqual(['bio']);
    expect(fields({ avatarImageId: '1 or 1=1' })).toEqual(['avatarImageId']);
    expect(fields({ jobTitle: 'x'.repeat(121) })).toEqual(['jobTitle']);
  });

  it('takes canonical positive ids only', () => {
    expect(authorIdSchema.safeParse('5').data).toBe(5);
    for (const bad of ['0', '05', 'abc', '3000000000']) expect(authorIdSchema.safeParse(bad).success).toBe(false);
  });
});
