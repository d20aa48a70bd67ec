import { describe, expect, it } from 'vitest';

import { confirmToken, CONFIRM_TTL_MS, isMailingList, listUnsubscribeHeaders, readConfirmToken, readUnsubscribeToken, unsubscribeToken, unsubscribeUrl } from './list-tokens';

describe('unsubscribe tokens', () => {
  it('name the address and the list, and read back', () => {
    const token = unsubscribeToken('Reader@Example.test', 'section:world-news');
    expect(readUnsubscribeToken(token)).toEqual({ email: 'reader@example.test', list: 'section:world-news' });
  });

  it('refuse tampering: another list or address in the payload, a changed signature, garbage', () => {
    const token = unsubscribeToken('a@example.test', 'daily');
    const [payload, signature] = token.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ e: 'victim@example.test', l: 'daily' })).toString('base64url');
    expect(readUnsubscribeToken(`${forged}.${signature}`)).toBeNull();
    expect(readUnsubscribeToken(`${payload}.${signature.slice(0, -2)}AA`)).toBeNull();
    expect(readUnsubscribeToken(`${payload}.`)).toBeNull();
    expect(readUnsubscribeToken(`${payload}.${signature}.x`)).toBeNull();
    for (const garbage of ['', 'x', '..', '%%%', null, 42, 'a'.repeat(5000)]) expect(readUnsubscribeToken(garbage)).toBeNull();
  });

  it('cannot be used to confirm a subscription, nor a confirmation token to unsubscribe', () => {
    const now = new Date();
    expect(readConfirmToken(unsubscribeToken('a@example.test', 'daily'), now)).toBeNull();
    expect(readUnsubscribeToken(confirmToken('a@example.test', ['daily'], now))).toBeNull();
  });

  it('go into an absolute link and the RFC 8058 headers', () => {
    const url = unsubscribeUrl('a@example.test', 'replies');
    expect(url).toMatch(/^http:\/\/localhost:3000\/api\/unsubscribe\?t=[\w.-]+$/);
    expect(listUnsubscribeHeaders(url)).toEqual({ 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
  });
});

describe('confirmation tokens', () => {
  it('expire after a week', () => {
    const issued = new Date('2026-01-01T00:00:00Z');
    const token = confirmToken('a@example.test', ['daily', 'section:sport'], issued);
    expect(readConfirmToken(token, new Date(issued.getTime() + CONFIRM_TTL_MS - 1))).toEqual({ email: 'a@example.test', lists: ['daily', 'section:sport'] });
    expect(readConfirmToken(token, new Date(issued.getTime() + CONFIRM_TTL_MS + 1))).toBeNull();
  });
});

describe('lists', () => {
  it('are the notices, the daily briefing and section digests', () => {
    for (const list of ['replies', 'moderation', 'daily', 'section:sport']) expect(isMailingList(list)).toBe(true);
    for (const list of ['section:', 'section:Bad Slug', 'weekly', '']) expect(isMailingList(list)).toBe(false);
  });
});
