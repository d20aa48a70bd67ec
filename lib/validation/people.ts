import { z } from 'zod';

import { USER_ROLES } from '../roles';

/** Account ids are UUIDs (users.id default gen_random_uuid()). */
export const userIdSchema = z.object({ userId: z.uuid({ message: 'Unknown account.' }) });

export const changeRoleSchema = z.object({
  userId: z.uuid({ message: 'Unknown account.' }),
  role: z.enum(USER_ROLES, { message: 'Choose one of the listed roles.' }),
});

/** "active": may sign in and comment; "suspended" and "banned": from commenting (lib/comment-standing). */
export const PEOPLE_STATUSES = ['all', 'active', 'suspended', 'banned', 'disabled'] as const;

const one = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** The people list's query string; never fails (hostile input degrades to the unfiltered first page). */
export const peopleListParamsSchema = z.object({
  q: z.preprocess((value) => String(one(value) ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, 100), z.string()),
  role: z.preprocess(one, z.enum(USER_ROLES).optional().catch(undefined)),
  status: z.preprocess(one, z.enum(PEOPLE_STATUSES).catch('all')).default('all'),
  page: z.preprocess(one, z.coerce.number().int().min(1).max(10_000).catch(1)).default(1),
});

export type PeopleListParams = z.infer<typeof peopleListParamsSchema>;
