import { randomBytes } from 'node:crypto';

import { afterEach, describe, expect, it } from 'vitest';

import { env, mailFrom, resetEnvForTests } from './env';

const saved = { ...process.env };

afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
});

function parse(values: Record<string, string>) {
  Object.assign(process.env, values);
  resetEnvForTests();
  return env();
}

describe('the environment', () => {
  it('takes a server-actions key that Next can use: base64 of 16, 24 or 32 bytes', () => {
    for (const bytes of [16, 24, 32]) {
      const key = randomBytes(bytes).toString('base64');
      expect(parse({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key }).NEXT_SERVER_ACTIONS_ENCRYPTION_KEY).toBe(key);
    }
  });

  it('refuses at start-up a server-actions key Next would fail on at the first form post', () => {
    for (const key of ['a long passphrase, not base64', randomBytes(20).toString('base64'), randomBytes(32).toString('hex')]) {
      expect(() => parse({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key })).toThrow(/NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: must be a base64 AES key/);
    }
  });

  it("sends mail from the site's name at its host unless MAIL_FROM says otherwise", () => {
    delete process.env.MAIL_FROM;
    parse({ SITE_NAME: 'The Daily Ledger', SITE_URL: 'https://news.example.com' });
    expect(mailFrom()).toEqual({ name: 'The Daily Ledger', address: 'news@news.example.com' });
    parse({ MAIL_FROM: '"Ledger, Morning Desk" <desk@example.com>' });
    expect(mailFrom()).toEqual({ name: 'Ledger, Morning Desk', address: 'desk@example.com' });
    parse({ MAIL_FROM: 'desk@example.com' });
    expect(mailFrom()).toEqual({ name: '', address: 'desk@example.com' });
  });

  it('refuses a mail server, sender, rate or worker switch it cannot use', () => {
    const alone = (values: Record<string, string>) => {
      process.env = { ...saved };
      return parse(values);
    };
    expect(() => alone({ SMTP_URL: 'mail.example.com:587' })).toThrow(/SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(() => alone({ MAIL_FROM: 'The Daily Ledger' })).toThrow(/MAIL_FROM: must be an address/);
    expect(() => alone({ MAIL_RATE_PER_SECOND: '0' })).toThrow(/MAIL_RATE_PER_SECOND/);
    expect(() => alone({ WORKER: 'no' })).toThrow(/WORKER: must be on or off/);
    expect(alone({ SMTP_URL: 'smtps://user:secret@mail.example.com:465', WORKER: 'off', MAIL_RATE_PER_SECOND: '200' })).toMatchObject({ WORKER: 'off', MAIL_RATE_PER_SECOND: 200 });
  });
});
