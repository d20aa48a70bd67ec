import type { UserRole } from '@/lib/roles';

/** What a role may do. Call sites ask for a capability, never for a role name. */
export type Capability = 'comment:create' | 'article:write' | 'article:publish' | 'comment:moderate' | 'user:manage';

const CAPABILITIES: Record<UserRole, readonly Capability[]> = {
  reader: ['comment:create'],
  contributor: ['comment:create', 'article:write'],
  editor: ['comment:create', 'article:write', 'article:publish', 'comment:moderate'],
  admin: ['comment:create', 'article:write', 'article:publish', 'comment:moderate', 'user:manage'],
};

export function can(viewer: { role: UserRole } | null, capability: Capability): boolean {
  return viewer !== null && CAPABILITIES[viewer.role].includes(capability);
}
