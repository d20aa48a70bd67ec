import { describe, expect, it } from 'vitest';

import { replaceToken, suggestTags, tokenAt } from './tag-tokens';

const TAGS = ['Budget', 'Local government', 'Jobs', 'Public health', 'Markets', 'Climate policy', 'Parliament'];

describe('tokenAt', () => {
  it('finds the tag the caret is in, not only the first', () => {
    expect(tokenAt('Budget, Jo', 10)).toEqual({ start: 8, end: 10, text: 'Jo' });
    expect(tokenAt('Budget, Jobs, pa', 16).text).toBe('pa');
    expect(tokenAt('Budget, Jobs, pa', 3).text).toBe('Budget');
    expect(tokenAt('', 0).text).toBe('');
  });
});

describe('suggestTags', () => {
  it('suggests for the second and third tag', () => {
    expect(suggestTags(TAGS, 'Budget, jo', 10)).toEqual(['Jobs']);
    expect(suggestTags(TAGS, 'Budget, Jobs, pa', 16)).toEqual(['Parliament']);
  });

  it('puts tags that start with the text first, then those that contain it', () => {
    expect(suggestTags(TAGS, 'Budget, p', 9)).toEqual(['Public health', 'Parliament', 'Climate policy']);
  });

  it('leaves out tags already chosen, and suggests nothing for an empty tag', () => {
    expect(suggestTags(TAGS, 'Jobs, Budget, ', 14)).toEqual([]);
    expect(suggestTags(TAGS, 'Public health, p', 16)).toEqual(['Parliament', 'Climate policy']);
  });

  it('offers a name shared by two tags once', () => {
    expect(suggestTags([...TAGS, 'Jobs'], 'Budget, jo', 10)).toEqual(['Jobs']);
  });

  it('does not suggest the tag already typed out in full', () => {
    expect(suggestTags(TAGS, 'Budget, Jobs', 12)).toEqual([]);
  });
});

describe('replaceToken', () => {
  it('puts the chosen tag in place of what was typed, ready for the next', () => {
    expect(replaceToken('Budget, jo', 10, 'Jobs')).toEqual({ value: 'Budget, Jobs, ', caret: 14 });
    expect(replaceToken('bu', 2, 'Budget')).toEqual({ value: 'Budget, ', caret: 8 });
  });

  it('keeps the tags after the caret', () => {
    expect(replaceToken('Budget, jo, Markets', 10, 'Jobs')).toEqual({ value: 'Budget, Jobs, Markets', caret: 14 });
    expect(replaceToken('Budget,jo', 9, 'Jobs').value).toBe('Budget, Jobs, ');
  });
});
