import type { AsyncLocalStorage } from 'node:async_hooks';

import type { CacheHandler } from 'next/cache';

/** What a render made for the page cache learns from the entries it reads and writes. */
export type RenderRecord = { tags: Set<string>; expiresAt: number };

export const renderScope: AsyncLocalStorage<RenderRecord>;
export function lastInvalidated(tags: Iterable<string>): number;
export function invalidateTags(tags: string[]): void;
export function preciseNow(): number;

declare const handler: CacheHandler;
export default handler;
