import { describe, expect, it } from 'vitest';

import { changeRoleSchema, peopleListParamsSchema, userIdSchema } from './people';

const id = '3f2b8a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';

describe('people schemas', () => {
  it('accepts the four roles only', () => {
    for (const role of ['reader', 'contributor', 'editor', 'admin']) expect(changeRoleSchema.safeParse({ userId: id, role }).success).toBe(true);
    const result = changeRoleSchema.safeParse({ userId: id, role: 'owner' });
    expect(result.error?.flatten().fieldErrors.role).toEqual(['Choose one of the listed roles.']);
  });

  it('accepts only UUID account ids', () => {
    expect(userIdSchema.safeParse({ userId: id }).success).toBe(true);
    expect(userIdSchema.safeParse({ userId: "1' or '1'='1" }).success).toBe(false);
  });

  it('list parameters never fail: anything malformed is dropped', () => {
    expect(peopleListParamsSchema.parse({ q: ' ada@example.org ', role: 'editor', status: 'disabled', page: '2' })).toEqual({ q: 'ada@example.org', role: 'editor', status: 'disabled', page: 2 });
    expect(peopleListParamsSchema.parse({ q: 'x'.repeat(500), role: 'owner', status: 'weird', page: '-4' })).toEqual({ q: 'x'.repeat(100), role: undefined, status: 'all', page: 1 });
    expect(peopleListParamsSchema.parse({})).toEqual({ q: '', role: undefined, status: 'all', page: 1 });
  });
});

describe('audit page parameters', () => {
  it('never fail and strip control characters', async () => {
    const { auditParamsSchema } = await import('./audit');
    expect(auditParamsSchema.parse({ story: ' harbour\u0000 walls ', page: 'x' })).toEqual({ actor: '', story: 'harbour walls', kind: '', subject: '', page: 1 });
    expect(auditParamsSchema.parse({ actor: ['u-1', 'u-2'], kind: 'comments', subject: 'user:1', page: '3' })).toEqual({ actor: 'u-1', story: '', kind: 'comments', subject: 'user:1', page: 3 });
  });

  it('drop a kind of action the filter does not have', async () => {
    const { auditParamsSchema } = await import('./audit');
    expect(auditParamsSchema.parse({ kind: 'user.' }).kind).toBe('');
  });
});
