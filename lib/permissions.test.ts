import { describe, expect, it } from 'vitest';

import { can, mayEditStory, mayOpenStory } from './permissions';

describe('can', () => {
  it('gives each role its capabilities and nothing more', () => {
    expect(can({ role: 'reader' }, 'comment:create')).toBe(true);
    expect(can({ role: 'reader' }, 'article:write')).toBe(false);
    expect(can({ role: 'contributor' }, 'article:write')).toBe(true);
    expect(can({ role: 'contributor' }, 'article:publish')).toBe(false);
    expect(can({ role: 'editor' }, 'comment:moderate')).toBe(true);
    expect(can({ role: 'editor' }, 'user:manage')).toBe(false);
    expect(can({ role: 'admin' }, 'user:manage')).toBe(true);
    expect(can({ role: 'editor' }, 'newsletter:send')).toBe(true);
    expect(can({ role: 'admin' }, 'newsletter:send')).toBe(true);
    expect(can({ role: 'contributor' }, 'newsletter:send')).toBe(false);
  });

  it('gives an anonymous visitor nothing', () => {
    expect(can(null, 'comment:create')).toBe(false);
  });
});

describe('stories in the dashboard', () => {
  const editor = { id: 'e', role: 'editor' as const };
  const contributor = { id: 'c', role: 'contributor' as const };
  const reader = { id: 'r', role: 'reader' as const };

  it('lets editors open any story, contributors only those they started, readers none', () => {
    expect(mayOpenStory(editor, { createdBy: 'someone' })).toBe(true);
    expect(mayOpenStory(contributor, { createdBy: 'c' })).toBe(true);
    expect(mayOpenStory(contributor, { createdBy: 'someone' })).toBe(false);
    expect(mayOpenStory(contributor, { createdBy: null })).toBe(false);
    expect(mayOpenStory(reader, { createdBy: 'r' })).toBe(false);
    expect(mayOpenStory(null, { createdBy: null })).toBe(false);
  });

  it('lets contributors change their own story only until it is published', () => {
    expect(mayEditStory(contributor, { createdBy: 'c', status: 'draft' })).toBe(true);
    expect(mayEditStory(contributor, { createdBy: 'c', status: 'in_review' })).toBe(true);
    expect(mayEditStory(contributor, { createdBy: 'c', status: 'published' })).toBe(false);
    expect(mayEditStory(contributor, { createdBy: 'someone', status: 'draft' })).toBe(false);
    expect(mayEditStory(editor, { createdBy: 'someone', status: 'published' })).toBe(true);
    expect(mayEditStory(reader, { createdBy: 'r', status: 'draft' })).toBe(false);
  });
});
