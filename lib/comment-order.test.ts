import { describe, expect, it } from 'vitest';

import { exposure, orderThread, parseThreadQuery, threadSearch, wilsonLowerBound, type RankableComment } from './comment-order';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute));
const comment = (id: number, minute: number, likes = 0, featuredMinute?: number): RankableComment => ({
  id,
  createdAt: at(minute),
  likes,
  featuredAt: featuredMinute === undefined ? null : at(featuredMinute),
});

describe('wilsonLowerBound', () => {
  it('matches the textbook values', () => {
    expect(wilsonLowerBound(0, 0)).toBe(0);
    expect(wilsonLowerBound(0, 10)).toBeCloseTo(0, 10);
    // 1 of 1: the 95% interval starts at about 0.2065.
    expect(wilsonLowerBound(1, 1)).toBeCloseTo(0.2065, 3);
    // 90 of 100: about 0.8256.
    expect(wilsonLowerBound(90, 100)).toBeCloseTo(0.8256, 3);
  });

  it('ranks a sure thing above a small perfect score, unlike raw ratios', () => {
    expect(wilsonLowerBound(3, 3)).toBeLessThan(wilsonLowerBound(90, 100));
    expect(wilsonLowerBound(5, 100)).toBeLessThan(wilsonLowerBound(4, 5));
  });

  it('never exceeds 1 and never goes below 0, even when positive > total', () => {
    expect(wilsonLowerBound(7, 5)).toBeLessThanOrEqual(1);
    expect(wilsonLowerBound(7, 5)).toBeGreaterThan(0);
  });
});

describe('exposure', () => {
  it('counts distinct likers at or after each comment, and never less than its own likes', () => {
    const comments = [comment(1, 0, 1), comment(2, 10, 3)];
    const likes = [
      { userId: 'a', createdAt: at(5) },
      { userId: 'b', createdAt: at(11) },
      { userId: 'b', createdAt: at(12) },
      { userId: 'c', createdAt: at(20) },
    ];
    const result = exposure(comments, likes);
    expect(result.get(1)).toBe(3); // a, b, c were all active after minute 0
    expect(result.get(2)).toBe(3); // b and c after minute 10, but it has 3 likes itself
  });
});

describe('orderThread', () => {
  it('sorts oldest and newest by time, ties by id', () => {
    const comments = [comment(3, 5), comment(1, 0), comment(2, 5)];
    expect(orderThread(comments, 'oldest')).toEqual([1, 2, 3]);
    expect(orderThread(comments, 'newest')).toEqual([3, 2, 1]);
  });

  it('puts the better-supported comment first under "best", not the one with more raw likes', () => {
    // An early comment liked by 5 of the 100 people who came later; a late one liked by 4 of the 5 who came after it.
    const early = comment(1, 0, 5);
    const late = comment(2, 50, 4);
    const likes = [
      ...Array.from({ length: 95 }, (_, index) => ({ userId: `early-${index}`, createdAt: at(10) })),
      ...Array.from({ length: 5 }, (_, index) => ({ userId: `late-${index}`, createdAt: at(55) })),
    ];
    expect(orderThread([early, late], 'best', likes)).toEqual([2, 1]);
    expect(orderThread([early, late], 'newest', likes)).toEqual([2, 1]);
    expect(orderThread([early, late], 'oldest', likes)).toEqual([1, 2]);
  });

  it('pins featured comments on top, most recently featured first, whatever the sort', () => {
    const comments = [comment(1, 0), comment(2, 1, 0, 30), comment(3, 2, 0, 40), comment(4, 3)];
    for (const sort of ['oldest', 'newest', 'best'] as const) expect(orderThread(comments, sort).slice(0, 2)).toEqual([3, 2]);
  });
});

describe('parseThreadQuery and threadSearch', () => {
  it('reads good values and ignores bad ones', () => {
    expect(parseThreadQuery({ sort: 'best', cpage: '3', comment: '42' })).toEqual({ sort: 'best', page: 3, focus: 42 });
    expect(parseThreadQuery({ sort: 'worst', cpage: '0', comment: '-1' })).toEqual({ sort: 'oldest', page: 1, focus: null });
    expect(parseThreadQuery({ sort: ['best', 'newest'], cpage: '1e3', comment: '12abc' })).toEqual({ sort: 'oldest', page: 1, focus: null });
  });

  it('leaves defaults out of the URL', () => {
    expect(threadSearch({ sort: 'oldest', page: 1 })).toBe('');
    expect(threadSearch({ sort: 'best', page: 2, focus: 9 })).toBe('?sort=best&cpage=2&comment=9');
  });
});
