import { randomBytes } from 'node:crypto';

import { afterEach, describe, expect, it } from 'vitest';

import { env, resetEnvForTests } from './env';

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
});
