import { describe, expect, it } from 'vitest';

import { createTagSchema, mergeTagsSchema, tagListParamsSchema, updateTagSchema } from './tags';

describe('tag schemas', () => {
  it('accepts a name with an optional slug', () => {
    expect(createTagSchema.parse({ name: ' Flood defences ', slug: '', description: '' })).toEqual({ name: 'Flood defences', slug: '', description: '' });
    expect(createTagSchema.parse({ name: 'Floods', slug: 'FLOODS', description: '' }).slug).toBe('floods');
    expect(createTagSchema.safeParse({ name: 'Floods', slug: 'floods!', description: '' }).success).toBe(false);
  });

  it('a rename never carries a slug', () => {
    expect(updateTagSchema.parse({ id: '2', name: 'New', description: '', slug: 'x' })).toEqual({ id: 2, name: 'New', description: '' });
  });

  it('refuses merging a tag into itself, on the target field', () => {
    const result = mergeTagsSchema.safeParse({ sourceId: '3', targetId: '3' });
    expect(result.error?.flatten().fieldErrors.targetId).toEqual(['Choose a different tag to merge into.']);
    expect(mergeTagsSchema.safeParse({ sourceId: '3', targetId: '' }).success).toBe(false);
    expect(mergeTagsSchema.parse({ sourceId: '3', targetId: '4' })).toEqual({ sourceId: 3, targetId: 4 });
  });

  it('list parameters never fail', () => {
    expect(tagListParamsSchema.parse({ q: ['  flood\u0000 ', 'x'], page: 'nope' })).toEqual({ q: 'flood', page: 1 });
    expect(tagListParamsSchema.parse({})).toEqual({ q: '', page: 1 });
  });
});
