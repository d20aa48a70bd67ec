import { z } from 'zod';

import { USER_ROLES } from '../roles';
import { firstParam, pageParam, queryText } from './common';

/** Account ids are UUIDs (users.id default gen_random_uuid()). */
export const userIdSchema = z.object({ userId: z.uuid({ message: 'Unknown account.' }) });

export const changeRoleSchema = z.object({
  userId: z.uuid({ message: 'Unknown account.' }),
  role: z.enum(USER_ROLES, { message: 'Choose one of the listed roles.' }),
});

/** "active": may sign in and comment; "suspended" and "banned": from commenting (lib/comment-standing). */
export const PEOPLE_STATUSES = ['all', 'active', 'suspended', 'banned', 'disabled'] as const;

/** The people list's query string; never fails (hostile input degrades to the unfiltered first page). */
export const peopleListParamsSchema = z.object({
  q: queryText(100),
  role: z.preprocess(firstParam, z.enum(USER_ROLES).optional().catch(undefined)),
  status: z.preprocess(firstParam, z.enum(PEOPLE_STATUSES).catch('all')).default('all'),
  page: pageParam(10_000),
});

export type PeopleListParams = z.infer<typeof peopleListParamsSchema>;
