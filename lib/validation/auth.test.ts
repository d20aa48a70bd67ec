import { describe, expect, it } from 'vitest';

import { registerSchema, safeCallbackPath, signInSchema } from './auth';

describe('registerSchema', () => {
  it('accepts a good registration and normalises the e-mail', () => {
    const parsed = registerSchema.parse({ name: ' Ada Marsh ', email: ' Ada@Example.ORG ', password: 'long enough pw', confirmPassword: 'long enough pw' });
    expect(parsed).toMatchObject({ name: 'Ada Marsh', email: 'ada@example.org' });
  });

  it('reports each field', () => {
    const result = registerSchema.safeParse({ name: 'A', email: 'nope', password: 'short', confirmPassword: 'other' });
    expect(result.success).toBe(false);
    const fields = Object.keys(result.error!.flatten().fieldErrors);
    expect(fields.sort()).toEqual(['confirmPassword', 'email', 'name', 'password']);
    const mismatch = registerSchema.safeParse({ name: 'Ada', email: 'a@example.org', password: 'long enough pw', confirmPassword: 'different pw!' });
    expect(mismatch.error!.flatten().fieldErrors.confirmPassword).toEqual(['The passwords do not match.']);
  });

  it('refuses control characters in a display name', () => {
    expect(registerSchema.safeParse({ name: 'Ada\u0000', email: 'a@example.org', password: 'long enough pw', confirmPassword: 'long enough pw' }).success).toBe(false);
  });
});

describe('signInSchema', () => {
  it('needs an e-mail and a password', () => {
    expect(signInSchema.safeParse({ email: 'a@example.org', password: '' }).success).toBe(false);
    expect(signInSchema.safeParse({ email: 'a@example.org', password: 'x' }).success).toBe(true);
  });
});

describe('safeCallbackPath', () => {
  it.each([
    ['/politics/story?x=1#comments', '/politics/story?x=1#comments'],
    ['https://evil.example/', '/'],
    ['//evil.example/path', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
    [undefined, '/'],
  ])('%j -> %j', (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});
