/**
 * Spelling correction for search, the pure part (data/search.ts looks the candidates up in the archive's word list).
 * A typed word is corrected to a word of the archive at the fewest edits (Damerau–Levenshtein: a swap of two
 * neighbouring letters is one edit), then the one most stories use, then the closest by trigrams: the classic
 * "most probable word among the nearest" rule. Short words tolerate one edit, longer ones two.
 */

export type WordCandidate = { word: string; documents: number; similarity: number };

/** A word of a query the correction may replace: where it is, and its lower-case form. */
export type QueryWord = { start: number; end: number; word: string };

/** Letters first, then letters or digits: the shape of the word list's words (migration 0014). */
const WORD = /\p{L}[\p{L}\p{N}]*/gu;

/**
 * The words of a query worth checking: not the `or` operator, not a word left out with a minus sign, not too short
 * to correct or too long to be a word.
 */
export function queryWords(q: string): QueryWord[] {
  const words: QueryWord[] = [];
  for (const match of q.matchAll(WORD)) {
    const start = match.index;
    const word = match[0].toLowerCase();
    if (word === 'or' || word.length < 3 || word.length > 32) continue;
    if (q[start - 1] === '-' && (start === 1 || /\s/.test(q[start - 2] ?? ''))) continue;
    words.push({ start, end: start + match[0].length, word });
  }
  return words;
}

/** How many edits a word of this length may be away from its correction. */
export function maxEdits(length: number): number {
  return length <= 4 ? 1 : 2;
}

/** Optimal string alignment distance (insertions, deletions, substitutions, swaps of neighbours), by code point. */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  let before: number[] = [];
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= t.length; j += 1) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      current.push(best);
    }
    before = previous;
    previous = current;
  }
  return previous[t.length]!;
}

/** The best correction of `typed` among the candidates, or null when none is close enough. */
export function chooseCorrection(typed: string, candidates: WordCandidate[]): string | null {
  const limit = maxEdits([...typed].length);
  let best: (WordCandidate & { edits: number }) | null = null;
  for (const candidate of candidates) {
    if (candidate.word === typed) continue;
    const edits = editDistance(typed, candidate.word);
    if (edits > limit) continue;
    const better =
      !best ||
      edits < best.edits ||
      (edits === best.edits &&
        (candidate.documents > best.documents ||
          (candidate.documents === best.documents &&
            (candidate.similarity > best.similarity || (candidate.similarity === best.similarity && candidate.word < best.word)))));
    if (better) best = { ...candidate, edits };
  }
  return best?.word ?? null;
}

/** The query with the given words replaced (keyed by their lower-case form); null when nothing changes. */
export function applyCorrections(q: string, words: QueryWord[], corrections: ReadonlyMap<string, string>): string | null {
  let out = '';
  let at = 0;
  let changed = false;
  for (const word of words) {
    const replacement = corrections.get(word.word);
    if (!replacement) continue;
    out += q.slice(at, word.start) + replacement;
    at = word.end;
    changed = true;
  }
  return changed ? out + q.slice(at) : null;
}

/**
 * The "quoted phrases" every match of a websearch query must contain: none when the query uses `or` (a phrase may
 * then be one alternative), and never a phrase left out with a minus sign.
 */
export function requiredPhrases(q: string): string[] {
  if (/(^|[\s"])or(?=$|[\s"])/i.test(q.replace(/"[^"]*"/g, ' '))) return [];
  const phrases: string[] = [];
  for (const match of q.matchAll(/(^|.)"([^"]*)"/g)) {
    if (match[1] === '-') continue;
    const phrase = match[2]!.trim();
    if (phrase) phrases.push(phrase);
  }
  return phrases;
}
