import { describe, expect, it } from 'vitest';

import { diffAudit } from './audit-diff';

describe('diffAudit', () => {
  it('lists only the keys that changed', () => {
    expect(diffAudit({ role: 'reader', name: 'Ada' }, { role: 'editor', name: 'Ada' })).toEqual([{ key: 'role', before: 'reader', after: 'editor', kind: 'changed' }]);
  });

  it('lists every key of a creation or a deletion', () => {
    expect(diffAudit(null, { slug: 'sport', name: 'Sport' }).map((line) => [line.key, line.kind])).toEqual([
      ['slug', 'added'],
      ['name', 'added'],
    ]);
    expect(diffAudit({ slug: 'sport' }, null)).toEqual([{ key: 'slug', before: 'sport', after: undefined, kind: 'removed' }]);
  });

  it('flattens nested objects into dotted keys', () => {
    const lines = diffAudit({ target: { id: 2, articleCount: 2 } }, { target: { id: 2, articleCount: 3 }, deleted: 'tag:1' });
    expect(lines).toEqual([
      { key: 'target.articleCount', before: 2, after: 3, kind: 'changed' },
      { key: 'deleted', before: undefined, after: 'tag:1', kind: 'added' },
    ]);
  });

  it('treats a scalar as a single value', () => {
    expect(diffAudit('a', 'b')).toEqual([{ key: 'value', before: 'a', after: 'b', kind: 'changed' }]);
  });
});
