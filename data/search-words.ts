import 'server-only';

import { sql } from 'drizzle-orm';

import { getDb } from '@/db/client';

/**
 * Worker, every minute: brings the search word list up to date with what the clock changed (a scheduled story came
 * due, an expiry passed). Writes keep it current by themselves, in their own transaction (the trigger on articles,
 * migration 0014). Returns how many stories were counted again.
 */
export async function syncDueSearchWords(): Promise<number> {
  const [row] = await getDb().execute<{ synced: number }>(sql`select search_words_sync_due() as synced`);
  return Number(row?.synced ?? 0);
}

/** The word list's entry for a word: how many public stories use it (0 when none). For tests and the bench. */
export async function searchWordDocuments(word: string): Promise<number> {
  const [row] = await getDb().execute<{ documents: number }>(sql`select documents from search_words where word = ${word}`);
  return Number(row?.documents ?? 0);
}
