import { z } from 'zod';

import { isAuditKind, type AuditKind } from '@/lib/audit-wording';

import { pageParam, queryText } from './common';

/** The audit page's query string (a GET form: works without JavaScript); never fails, unknown values are dropped. */
export const auditParamsSchema = z.object({
  /** Who did it: a user id from the staff select. */
  actor: queryText(64),
  /** A story: its id (the workspace's link) or words of its headline. */
  story: queryText(200),
  kind: queryText(40).transform((value): AuditKind | '' => (isAuditKind(value) ? value : '')),
  subject: queryText(120),
  page: pageParam(100_000),
});
