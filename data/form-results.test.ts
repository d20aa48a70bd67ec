import { inArray, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { formResults } from '@/db/schema';

import { keepFormResult, readFormResult, sweepFormResults } from './form-results';

const kept: string[] = [];
afterEach(async () => {
  if (kept.length > 0) await getDb().delete(formResults).where(inArray(formResults.id, kept.splice(0)));
});

const refused = { form: 'reply-42', result: { ok: false, formError: 'Please correct the highlighted fields.', body: 'é'.repeat(5_000) } };

describe('answers too big for a cookie', () => {
  it('are kept under an unguessable id and read back whole while they last', async () => {
    const id = await keepFormResult(refused, 30);
    kept.push(id);
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await readFormResult(id)).toEqual(refused);
    expect(await readFormResult(id.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')))).toBeNull();
  });

  it('are gone once expired, and the sweep deletes only expired ones', async () => {
    const expired = await keepFormResult(refused, 30);
    const live = await keepFormResult(refused, 30);
    kept.push(expired, live);
    await getDb().update(formResults).set({ expiresAt: sql`now() - interval '1 second'` }).where(inArray(formResults.id, [expired]));
    expect(await readFormResult(expired)).toBeNull();
    expect(await sweepFormResults()).toBeGreaterThanOrEqual(1);
    const left = await getDb().select({ id: formResults.id }).from(formResults).where(inArray(formResults.id, [expired, live]));
    expect(left.map((row) => row.id)).toEqual([live]);
  });
});
