import type { AsyncLocalStorage } from 'node:async_hooks';

import type { CacheHandler } from 'next/cache';

/** What a render made for the page cache learns from the entries it reads and writes. */
/** What a render for the page cache read: tags, the earliest expiry, and when its oldest data was made. */
export type RenderRecord = { tags: Set<string>; expiresAt: number; dataSince: number };

/** The store shared by every instance (server/redis-remote.ts). */
export type Remote = {
  readonly trusted: boolean;
  get(key: string): Promise<Uint8Array | undefined>;
  set(key: string, bytes: Uint8Array, ttlMs: number): void;
  publish(tags: string[]): void;
};

export type StoredEntry = { value: Uint8Array; tags: string[]; stale: number; timestamp: number; expire: number; revalidate: number };

export const UNTRUSTED_MAX_AGE_MS: number;
export const renderScope: AsyncLocalStorage<RenderRecord>;
export function installRemote(remote: Remote | null): void;
export function remote(): Remote | null;
export function setReadMargin(ms: number): void;
export function isCurrent(tags: Iterable<string>, timestamp: number, madeFrom?: number): boolean;
export function lastInvalidated(tags: Iterable<string>): number;
export function invalidateTags(tags: string[]): void;
export function invalidateLocally(tags: string[], at?: number): void;
export function preciseNow(): number;
export function encodeEntry(entry: StoredEntry): Uint8Array;
export function decodeEntry(bytes: Uint8Array): StoredEntry | undefined;

declare const handler: CacheHandler;
export default handler;
