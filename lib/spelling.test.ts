import { describe, expect, it } from 'vitest';

import { applyCorrections, chooseCorrection, editDistance, maxEdits, queryWords, requiredPhrases } from './spelling';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and neighbour swaps as one edit each', () => {
    expect(editDistance('council', 'council')).toBe(0);
    expect(editDistance('housng', 'housing')).toBe(1);
    expect(editDistance('councel', 'council')).toBe(1);
    expect(editDistance('budgte', 'budget')).toBe(1);
    expect(editDistance('inflaton', 'inflation')).toBe(1);
    expect(editDistance('mor', 'moor')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('café', 'cafe')).toBe(1);
  });
});

describe('chooseCorrection', () => {
  it('prefers fewer edits, then the word more stories use, then trigram similarity', () => {
    const candidates = [
      { word: 'counsel', documents: 2, similarity: 0.45 },
      { word: 'council', documents: 66, similarity: 0.45 },
      { word: 'councils', documents: 500, similarity: 0.4 },
    ];
    expect(chooseCorrection('councel', candidates)).toBe('council');
    expect(chooseCorrection('mor', [{ word: 'moor', documents: 1, similarity: 0.5 }, { word: 'mortgage', documents: 900, similarity: 0.3 }])).toBe('moor');
  });

  it('refuses words too many edits away, and the typed word itself', () => {
    expect(maxEdits(4)).toBe(1);
    expect(maxEdits(5)).toBe(2);
    expect(chooseCorrection('cat', [{ word: 'coat', documents: 5, similarity: 0.4 }])).toBe('coat');
    expect(chooseCorrection('cat', [{ word: 'coast', documents: 5, similarity: 0.3 }])).toBeNull();
    expect(chooseCorrection('harbour', [{ word: 'harbour', documents: 5, similarity: 1 }])).toBeNull();
    expect(chooseCorrection('budgt', [])).toBeNull();
  });
});

describe('queryWords and applyCorrections', () => {
  it('finds the words to check, leaving operators, exclusions and short words alone', () => {
    expect(queryWords('Hollin mor').map((w) => w.word)).toEqual(['hollin', 'mor']);
    expect(queryWords('"flood harbr" -strike or ab budgt').map((w) => w.word)).toEqual(['flood', 'harbr', 'budgt']);
    expect(queryWords('pre-war')).toEqual([{ start: 0, end: 3, word: 'pre' }, { start: 4, end: 7, word: 'war' }]);
  });

  it('replaces only the corrected words and keeps the rest of the query as typed', () => {
    const q = '"Councel housng" -rent';
    const corrected = applyCorrections(q, queryWords(q), new Map([['councel', 'council'], ['housng', 'housing']]));
    expect(corrected).toBe('"council housing" -rent');
    expect(applyCorrections('council', queryWords('council'), new Map())).toBeNull();
  });
});

describe('requiredPhrases', () => {
  it('lists the quoted phrases a match must have, not excluded ones, and none when the query has or', () => {
    expect(requiredPhrases('"flood harbour" -strike')).toEqual(['flood harbour']);
    expect(requiredPhrases('"flood harbour" -"harbour strike" "rail fares"')).toEqual(['flood harbour', 'rail fares']);
    expect(requiredPhrases('"flood harbour" or strike')).toEqual([]);
    expect(requiredPhrases('"flood or harbour"')).toEqual(['flood or harbour']);
    expect(requiredPhrases('budget -tax')).toEqual([]);
    expect(requiredPhrases('"unbalanced')).toEqual([]);
  });
});
