import 'server-only';

import { and, inArray, isNull } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { env } from '@/lib/env';
import { ImpersonatingNameError } from '@/lib/errors';
import { STAFF_ROLES } from '@/lib/roles';
import { looksLikeAnyOf, nameKey } from '@/lib/validation/display-names';

/**
 * Registration and the profile's name change (the person's own id, or none yet): throws ImpersonatingNameError when
 * `name` looks like a reserved name, the site's name or the name of another current (enabled) staff account. A staff
 * member keeps their own name.
 */
export async function assertNameIsOwn(name: string, userId?: string): Promise<void> {
  const staff = await getDb()
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(inArray(users.role, STAFF_ROLES), isNull(users.disabledAt)));
  const self = staff.find((person) => person.id === userId);
  if (self && nameKey(self.name) === nameKey(name)) return;
  const others = staff.filter((person) => person !== self).map((person) => person.name);
  if (looksLikeAnyOf(name, [env().SITE_NAME, ...others])) throw new ImpersonatingNameError();
}
