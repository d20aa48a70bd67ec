import { describe, expect, it } from 'vitest';

import { dropNearDuplicates, headlineSimilarity, reasonFor } from './related';

describe('headlineSimilarity', () => {
  it('is 1 for the same words in another case and order, ignoring stop words', () => {
    expect(headlineSimilarity('Budget vote passes in the Senate', 'senate PASSES budget vote')).toBe(1);
  });

  it('is 0 for unrelated headlines', () => {
    expect(headlineSimilarity('Budget vote passes', 'Storm floods the coast')).toBe(0);
  });
});

describe('dropNearDuplicates', () => {
  const items = [
    { id: 1, headline: 'Senate passes budget after all-night vote' },
    { id: 2, headline: 'Senate passes budget after an all-night vote' },
    { id: 3, headline: 'What the budget means for renters' },
    { id: 4, headline: 'Markets shrug off budget' },
  ];

  it('keeps the first of two near-identical headlines, in order', () => {
    expect(dropNearDuplicates('Unrelated source story', items).map((item) => item.id)).toEqual([1, 3, 4]);
  });

  it('drops a candidate that duplicates the source story itself', () => {
    expect(dropNearDuplicates('Senate passes budget after all-night vote', items).map((item) => item.id)).toEqual([3, 4]);
  });

  it('stops at the limit', () => {
    expect(dropNearDuplicates('x', items, 2).map((item) => item.id)).toEqual([1, 3]);
  });
});

describe('reasonFor', () => {
  it('names the rarest shared tag when tags weigh at least as much as the section', () => {
    expect(reasonFor({ tagScore: 5.8, bestTag: 'Elections', sameSection: true }, 'Politics')).toBe('More on: Elections');
  });

  it('names the section when the shared tags are common ones', () => {
    expect(reasonFor({ tagScore: 0.3, bestTag: 'Economy', sameSection: true }, 'Politics')).toBe('Also in Politics');
  });

  it('names the tag for a story from another section', () => {
    expect(reasonFor({ tagScore: 0.3, bestTag: 'Economy', sameSection: false }, 'Politics')).toBe('More on: Economy');
  });
});
