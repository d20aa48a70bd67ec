/** Stand-in for next/cache in vitest: records what the data layer asked for. */
export const recorded = { tags: [] as string[], lives: [] as unknown[], updated: [] as string[], revalidated: [] as string[], paths: [] as string[], refreshes: 0 };

export function cacheTag(...tags: string[]): void {
  recorded.tags.push(...tags);
}

export function cacheLife(profile: unknown): void {
  recorded.lives.push(profile);
}

/** Actions: tags whose cached entries must be read fresh by the writer at once. */
export function updateTag(tag: string): void {
  recorded.updated.push(tag);
}

/** Actions: tags whose cached entries go stale. */
export function revalidateTag(tag: string, _profile?: unknown): void {
  recorded.revalidated.push(tag);
}

/** Actions: paths whose rendered pages go stale (the account page's sign-out-everywhere). */
export function revalidatePath(path: string, _type?: 'layout' | 'page'): void {
  recorded.paths.push(path);
}

/** Actions: the caller's page is rendered again for them (dynamic data only; no cached entry is touched). */
export function refresh(): void {
  recorded.refreshes += 1;
}

export function resetRecorded(): void {
  recorded.tags.length = 0;
  recorded.lives.length = 0;
  recorded.updated.length = 0;
  recorded.revalidated.length = 0;
  recorded.paths.length = 0;
  recorded.refreshes = 0;
}
