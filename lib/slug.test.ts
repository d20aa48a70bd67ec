import { describe, expect, it } from 'vitest';

import { MAX_SLUG_LENGTH, isReservedSectionSlug, isValidSlug, slugify } from './slug';

describe('slugify', () => {
  it('lower-cases and joins words with single hyphens', () => {
    expect(slugify('  Budget Vote: MPs  back   the plan! ')).toBe('budget-vote-mps-back-the-plan');
  });

  it('folds accents and drops apostrophes instead of splitting on them', () => {
    expect(slugify("Zoë's café reopens in Málaga")).toBe('zoes-cafe-reopens-in-malaga');
  });

  it('cuts at a word boundary within the limit', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug.endsWith('-')).toBe(false);
    expect(isValidSlug(slug)).toBe(true);
  });

  it('truncates a single overlong word rather than returning nothing', () => {
    expect(slugify('a'.repeat(100))).toBe('a'.repeat(MAX_SLUG_LENGTH));
  });

  it('returns an empty string when nothing usable is left', () => {
    expect(slugify('!!! ??? —')).toBe('');
    expect(slugify('日本語')).toBe('');
  });
});

describe('isValidSlug', () => {
  it.each(['news', 'budget-2027', 'a1-b2-c3'])('accepts %s', (slug) => {
    expect(isValidSlug(slug)).toBe(true);
  });

  it.each(['', 'News', 'double--hyphen', '-leading', 'trailing-', 'with space', 'slash/inside', '../etc', 'x'.repeat(81)])(
    'rejects %j',
    (slug) => {
      expect(isValidSlug(slug)).toBe(false);
    },
  );
});

describe('isReservedSectionSlug', () => {
  it('refuses the first segments of fixed routes', () => {
    for (const slug of ['tag', 'author', 'search', 'dashboard', 'api', 'login', 'register', 'media']) {
      expect(isReservedSectionSlug(slug)).toBe(true);
    }
    expect(isReservedSectionSlug('politics')).toBe(false);
  });
});
