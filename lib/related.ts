/**
 * Pure parts of the related-stories sidebar: why an item is shown, and how near-duplicates are dropped.
 * The scoring itself runs in PostgreSQL (data/related.ts).
 */

export const RELATED_LIMIT = 5;

/** Weights of the blended score; see docs/adr/0003-related-stories.md. */
export const RELATED_WEIGHTS = {
  /** Multiplies the sum of the shared tags' rarity, ln(1 + public stories / stories carrying the tag). */
  tag: 1,
  section: 2,
  /** ts_rank of the candidate against the source's headline and standfirst terms (0 to about 0.1). */
  text: 20,
  /** exp(-age / 180 days): 1 for a story published now, 0.37 at six months. */
  freshness: 1.5,
} as const;

export type ScoredCandidate = {
  id: number;
  headline: string;
  tagScore: number;
  bestTag: string | null;
  sameSection: boolean;
  score: number;
};

export function reasonFor(candidate: Pick<ScoredCandidate, 'tagScore' | 'bestTag' | 'sameSection'>, sectionName: string): string {
  const tagWeight = candidate.tagScore * RELATED_WEIGHTS.tag;
  if (candidate.bestTag && (!candidate.sameSection || tagWeight >= RELATED_WEIGHTS.section)) {
    return `More on: ${candidate.bestTag}`;
  }
  if (candidate.sameSection) return `Also in ${sectionName}`;
  return candidate.bestTag ? `More on: ${candidate.bestTag}` : 'Related reading';
}

const STOP_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'is', 'of', 'on', 'or', 'the', 'to', 'with']);

function headlineWords(headline: string): Set<string> {
  return new Set(
    headline
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word && !STOP_WORDS.has(word)),
  );
}

/** Jaccard similarity of the headlines' content words, 0 to 1. */
export function headlineSimilarity(a: string, b: string): number {
  const left = headlineWords(a);
  const right = headlineWords(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += 1;
  return shared / (left.size + right.size - shared);
}

export const NEAR_DUPLICATE = 0.6;

/**
 * Keeps candidates in order, skipping any whose headline is a near-duplicate of the source story or of an item
 * already kept (two versions of the same wire story, a live blog and its summary).
 */
export function dropNearDuplicates<T extends { headline: string }>(sourceHeadline: string, candidates: T[], limit = RELATED_LIMIT): T[] {
  const kept: T[] = [];
  for (const candidate of candidates) {
    if (kept.length >= limit) break;
    const seen = [sourceHeadline, ...kept.map((item) => item.headline)];
    if (seen.some((headline) => headlineSimilarity(headline, candidate.headline) >= NEAR_DUPLICATE)) continue;
    kept.push(candidate);
  }
  return kept;
}
