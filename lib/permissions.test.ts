import { describe, expect, it } from 'vitest';

import { can } from './permissions';

describe('can', () => {
  it('gives each role its capabilities and nothing more', () => {
    expect(can({ role: 'reader' }, 'comment:create')).toBe(true);
    expect(can({ role: 'reader' }, 'article:write')).toBe(false);
    expect(can({ role: 'contributor' }, 'article:write')).toBe(true);
    expect(can({ role: 'contributor' }, 'article:publish')).toBe(false);
    expect(can({ role: 'editor' }, 'comment:moderate')).toBe(true);
    expect(can({ role: 'editor' }, 'user:manage')).toBe(false);
    expect(can({ role: 'admin' }, 'user:manage')).toBe(true);
  });

  it('gives an anonymous visitor nothing', () => {
    expect(can(null, 'comment:create')).toBe(false);
  });
});
