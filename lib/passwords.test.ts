import { describe, expect, it } from 'vitest';

import { decoyHash, hashPassword, verifyPassword } from './passwords';

describe('passwords', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{86}$/);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
  });

  it('salts every hash, and keeps long passwords whole (no 72-byte truncation)', async () => {
    const long = 'x'.repeat(100);
    const first = await hashPassword(long);
    expect(await hashPassword(long)).not.toBe(first);
    expect(await verifyPassword(`${'x'.repeat(99)}y`, first)).toBe(false);
  });

  it('treats canonically equal Unicode as the same password', async () => {
    const stored = await hashPassword('caf\u00e9 au lait');
    expect(await verifyPassword('cafe\u0301 au lait', stored)).toBe(true);
  });

  it('refuses malformed stored hashes instead of throwing', async () => {
    for (const stored of ['', 'bcrypt$x', 'scrypt$1$2$3', 'scrypt$32768$8$1$c2FsdA$']) {
      expect(await verifyPassword('anything', stored)).toBe(false);
    }
  });

  it('has a decoy hash that no password matches', async () => {
    expect(await verifyPassword('', await decoyHash())).toBe(false);
  });
});
