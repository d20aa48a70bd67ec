import { describe, expect, it } from 'vitest';

import { createSectionSchema, moveSectionSchema, updateSectionSchema } from './sections';

describe('section schemas', () => {
  it('accepts a name with an empty slug (made from the name later) and trims', () => {
    expect(createSectionSchema.parse({ name: '  Harbour life ', slug: '', description: ' ' })).toEqual({ name: 'Harbour life', slug: '', description: '' });
  });

  it('lower-cases a typed slug and refuses a malformed one', () => {
    expect(createSectionSchema.parse({ name: 'Sport', slug: 'Sport-Desk', description: '' }).slug).toBe('sport-desk');
    const result = createSectionSchema.safeParse({ name: 'Sport', slug: 'sport desk', description: '' });
    expect(result.success).toBe(false);
    expect(result.error?.flatten().fieldErrors.slug?.[0]).toContain('single hyphens');
    expect(createSectionSchema.safeParse({ name: 'Sport', slug: '-sport', description: '' }).success).toBe(false);
  });

  it('refuses reserved addresses with the reason', () => {
    for (const slug of ['dashboard', 'search', 'tag', 'api', 'login']) {
      const result = createSectionSchema.safeParse({ name: 'Anything', slug, description: '' });
      expect(result.error?.flatten().fieldErrors.slug).toEqual(['This address is reserved for a page of the site itself; choose another.']);
    }
  });

  it('bounds the name and description and refuses control characters', () => {
    expect(createSectionSchema.safeParse({ name: 'x', slug: '', description: '' }).success).toBe(false);
    expect(createSectionSchema.safeParse({ name: 'y'.repeat(61), slug: '', description: '' }).success).toBe(false);
    expect(createSectionSchema.safeParse({ name: 'Bad\u0000name', slug: '', description: '' }).success).toBe(false);
    expect(createSectionSchema.safeParse({ name: 'Fine', slug: '', description: 'd'.repeat(301) }).success).toBe(false);
  });

  it('update takes no slug and a whole-number position', () => {
    const parsed = updateSectionSchema.parse({ id: '4', name: 'World', description: '', position: '3', slug: 'sneaky' });
    expect(parsed).toEqual({ id: 4, name: 'World', description: '', position: 3 });
    expect(updateSectionSchema.safeParse({ id: '4', name: 'World', description: '', position: '2.5' }).success).toBe(false);
    expect(updateSectionSchema.safeParse({ id: '4', name: 'World', description: '', position: '-1' }).success).toBe(false);
    expect(updateSectionSchema.safeParse({ id: 'x', name: 'World', description: '', position: '1' }).success).toBe(false);
  });

  it('moves only up or down', () => {
    expect(moveSectionSchema.safeParse({ id: '1', direction: 'up' }).success).toBe(true);
    expect(moveSectionSchema.safeParse({ id: '1', direction: 'sideways' }).success).toBe(false);
  });
});

describe('section ids', () => {
  it('refuses ids beyond int4 so they never reach PostgreSQL', async () => {
    const { sectionIdSchema } = await import('./sections');
    expect(sectionIdSchema.safeParse({ id: '2147483647' }).success).toBe(true);
    expect(sectionIdSchema.safeParse({ id: '2147483648' }).success).toBe(false);
  });
});
