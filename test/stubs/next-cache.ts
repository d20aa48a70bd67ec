/** Stand-in for next/cache in vitest: records what the data layer asked for. */
export const recorded = { tags: [] as string[], lives: [] as unknown[] };

export function cacheTag(...tags: string[]): void {
  recorded.tags.push(...tags);
}

export function cacheLife(profile: unknown): void {
  recorded.lives.push(profile);
}

export function resetRecorded(): void {
  recorded.tags.length = 0;
  recorded.lives.length = 0;
}
