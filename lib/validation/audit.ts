import { z } from 'zod';

const one = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const text = (max: number) => z.preprocess((value) => String(one(value) ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, max), z.string());

/** The audit page's query string; never fails. */
export const auditParamsSchema = z.object({
  action: text(60),
  subject: text(120),
  page: z.preprocess(one, z.coerce.number().int().min(1).max(100_000).catch(1)).default(1),
});
