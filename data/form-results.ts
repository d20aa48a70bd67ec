import 'server-only';

import { randomBytes } from 'node:crypto';

import { and, eq, gt, lt, sql } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { formResults } from '@/db/schema';
import type { FormFlash } from '@/lib/form-id';

/**
 * The answer to a form posted without JavaScript, when it is too big for its cookie (a refused comment and the text
 * that was typed): kept here for `seconds`, named by a random id that goes into the signed cookie (docs/adr/0030).
 */
export async function keepFormResult(flash: FormFlash, seconds: number): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  await getDb()
    .insert(formResults)
    .values({ id, form: flash.form, result: flash.result, expiresAt: sql`now() + make_interval(secs => ${seconds})` });
  return id;
}

/** The answer a cookie names, while it has not expired; null otherwise. */
export async function readFormResult(id: string): Promise<FormFlash | null> {
  const [row] = await getDb()
    .select({ form: formResults.form, result: formResults.result })
    .from(formResults)
    .where(and(eq(formResults.id, id), gt(formResults.expiresAt, sql`now()`)))
    .limit(1);
  return row ? { form: row.form, result: row.result as FormFlash['result'] } : null;
}

/** Deletes expired answers (the worker's hourly sweep); returns how many. */
export async function sweepFormResults(): Promise<number> {
  const rows = await getDb().delete(formResults).where(lt(formResults.expiresAt, sql`now()`)).returning({ id: formResults.id });
  return rows.length;
}
