import { describe, expect, it } from 'vitest';

import { profileSchema, registerSchema } from './auth';
import { hasBidiControl, hasVisibleText } from './common';
import { displayName, looksLikeAnyOf, nameKey } from './display-names';

const errorsOf = (name: string) => {
  const parsed = displayName.safeParse(name);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
};

describe('a display name', () => {
  it('must show something: names of invisible characters only are refused, after trimming', () => {
    for (const invisible of ['\u200b\u200b\u200b', '\u200d\u2060\ufeff', ' \u200c\u00ad ', '\u3164\u3164', '\u2800\u2800', '\ufe0f\ufe0f']) {
      expect(hasVisibleText(invisible)).toBe(false);
      expect(errorsOf(invisible).length).toBeGreaterThan(0);
    }
    expect(errorsOf('\u200b\u200b\u200b')).toContain('Use visible characters, not only spaces or invisible ones.');
    expect(errorsOf('Zoë Ångström')).toEqual([]);
    expect(errorsOf('李小龙')).toEqual([]);
    expect(errorsOf('अनीता')).toEqual([]);
  });

  it('refuses every bidirectional control character', () => {
    for (const control of ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c']) {
      expect(hasBidiControl(`Ada${control} Lovelace`)).toBe(true);
      expect(errorsOf(`Ada${control} Lovelace`)).toEqual(['Text-direction control characters are not allowed.']);
    }
    expect(hasBidiControl('سارة أحمد')).toBe(false);
    expect(errorsOf('سارة أحمد')).toEqual([]);
  });

  it('is the rule of registration and of the profile', () => {
    expect(profileSchema.safeParse({ name: '\u200b\u200b' }).success).toBe(false);
    expect(registerSchema.safeParse({ name: 'Ev\u202eil', email: 'a@example.org', password: 'long enough pw', confirmPassword: 'long enough pw' }).success).toBe(false);
  });
});

describe("a name's look-alike key", () => {
  it('ignores case, width, styled letters, invisible characters, spaces and punctuation, and look-alike letters', () => {
    const key = nameKey('Demo Admin');
    expect(key).toBe('demoadmin');
    for (const disguise of ['DEMO ADMIN', 'demo-admin', 'D.e.m.o. Admin', 'Demo\u200b Admin', 'Demo\u00a0\u00a0Admin', 'ＤｅｍｏＡｄｍｉｎ', '𝐃𝐞𝐦𝐨 𝐀𝐝𝐦𝐢𝐧', 'Dеmо Аdmin', '  demo_admin!! ']) {
      expect(nameKey(disguise)).toBe(key);
    }
    expect(nameKey('Demo Adam')).not.toBe(key);
  });

  it('matches the reserved names and the names given', () => {
    for (const reserved of ['Admin', 'administrator', 'MODERATOR', 'Editor', 'Staff', 'Demo Admin', 'Ａｄｍｉｎ']) expect(looksLikeAnyOf(reserved, [])).toBe(true);
    expect(looksLikeAnyOf('the daily-ledger', ['The Daily Ledger'])).toBe(true);
    expect(looksLikeAnyOf('Mara Quill', ['Mara  Quill'])).toBe(true);
    expect(looksLikeAnyOf('Admin Fan Club', [])).toBe(false);
    expect(looksLikeAnyOf('Edith Orr', ['Mara Quill'])).toBe(false);
  });
});
