import { z } from 'zod';

import { isAuditKind, type AuditKind } from '@/lib/audit-wording';

const one = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const text = (max: number) => z.preprocess((value) => String(one(value) ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, max), z.string());

/** The audit page's query string (a GET form: works without JavaScript); never fails, unknown values are dropped. */
export const auditParamsSchema = z.object({
  /** Who did it: a user id from the staff select. */
  actor: text(64),
  /** A story: its id (the workspace's link) or words of its headline. */
  story: text(200),
  kind: text(40).transform((value): AuditKind | '' => (isAuditKind(value) ? value : '')),
  subject: text(120),
  page: z.preprocess(one, z.coerce.number().int().min(1).max(100_000).catch(1)).default(1),
});
