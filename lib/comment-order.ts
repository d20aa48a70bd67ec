import { parseSerialId } from './validation/common';

/**
 * How a thread's top-level comments are ordered, and what the thread's query string means. Pure: the data layer
 * feeds it rows, the page feeds it the URL.
 */

export const THREAD_SORTS = ['oldest', 'newest', 'best'] as const;
export type ThreadSort = (typeof THREAD_SORTS)[number];

export const THREAD_SORT_LABELS: Record<ThreadSort, string> = { oldest: 'Oldest', newest: 'Newest', best: 'Best' };

export type ThreadQuery = { sort: ThreadSort; page: number; focus: number | null };

/** Reads `?sort=best&cpage=2&comment=123` leniently: anything unexpected falls back to the default. */
export function parseThreadQuery(params: Record<string, string | string[] | undefined>): ThreadQuery {
  const one = (key: string) => {
    const value = params[key];
    return typeof value === 'string' ? value : undefined;
  };
  const sort = THREAD_SORTS.find((candidate) => candidate === one('sort')) ?? 'oldest';
  const pageText = one('cpage');
  const page = pageText && /^[1-9][0-9]{0,5}$/.test(pageText) ? Number(pageText) : 1;
  const focusText = one('comment');
  const focus = parseSerialId(focusText) ?? null;
  return { sort, page, focus };
}

/** The query string for a view of the thread (defaults left out, so the plain article URL stays canonical). */
export function threadSearch(query: Partial<ThreadQuery>): string {
  const params = new URLSearchParams();
  if (query.sort && query.sort !== 'oldest') params.set('sort', query.sort);
  if (query.page && query.page > 1) params.set('cpage', String(query.page));
  if (query.focus) params.set('comment', String(query.focus));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The lower bound of the Wilson score interval for a proportion of `positive` out of `total` (95% by default):
 * how sure we can be that people like a comment, so 3 likes out of 3 readers does not outrank 90 out of 100.
 */
export function wilsonLowerBound(positive: number, total: number, z = 1.959964): number {
  if (total <= 0) return 0;
  const p = Math.min(positive, total) / total;
  const z2 = z * z;
  return (p + z2 / (2 * total) - z * Math.sqrt((p * (1 - p) + z2 / (4 * total)) / total)) / (1 + z2 / total);
}

export type RankableComment = { id: number; createdAt: Date; likes: number; featuredAt: Date | null };
export type LikeEvent = { userId: string; createdAt: Date };

/**
 * For each comment, how many people could have liked it: the distinct readers who liked anything in this thread
 * at or after the moment it was posted (they were reading the thread while it was there). Never less than its own
 * likes. This is the `total` of the Wilson bound, so an early comment seen by a hundred likers and liked by five
 * ranks below a later one liked by four of the five people who came after it.
 */
export function exposure(comments: RankableComment[], likes: LikeEvent[]): Map<number, number> {
  const byTimeDesc = [...likes].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const commentsDesc = [...comments].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const seen = new Set<string>();
  const result = new Map<number, number>();
  let next = 0;
  for (const comment of commentsDesc) {
    while (next < byTimeDesc.length && byTimeDesc[next]!.createdAt.getTime() >= comment.createdAt.getTime()) {
      seen.add(byTimeDesc[next]!.userId);
      next += 1;
    }
    result.set(comment.id, Math.max(seen.size, comment.likes));
  }
  return result;
}

/** Orders top-level comments: featured ones first (most recently featured on top), then by the chosen sort. */
export function orderThread(comments: RankableComment[], sort: ThreadSort, likes: LikeEvent[] = []): number[] {
  const chronological = (a: RankableComment, b: RankableComment) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id;
  let compare: (a: RankableComment, b: RankableComment) => number;
  if (sort === 'newest') compare = (a, b) => -chronological(a, b);
  else if (sort === 'oldest') compare = chronological;
  else {
    const seenBy = exposure(comments, likes);
    const score = new Map(comments.map((comment) => [comment.id, wilsonLowerBound(comment.likes, seenBy.get(comment.id) ?? comment.likes)]));
    compare = (a, b) => score.get(b.id)! - score.get(a.id)! || b.likes - a.likes || chronological(a, b);
  }
  const featured = comments.filter((comment) => comment.featuredAt).sort((a, b) => b.featuredAt!.getTime() - a.featuredAt!.getTime());
  const rest = comments.filter((comment) => !comment.featuredAt).sort(compare);
  return [...featured, ...rest].map((comment) => comment.id);
}
