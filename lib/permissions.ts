import { ForbiddenError } from '@/lib/errors';
import type { UserRole } from '@/lib/roles';

/** What a role may do. Call sites ask for a capability, never for a role name. */
export type Capability = 'comment:create' | 'article:write' | 'article:publish' | 'comment:moderate' | 'user:manage' | 'newsletter:send';

const CAPABILITIES: Record<UserRole, readonly Capability[]> = {
  reader: ['comment:create'],
  contributor: ['comment:create', 'article:write'],
  editor: ['comment:create', 'article:write', 'article:publish', 'comment:moderate', 'newsletter:send'],
  admin: ['comment:create', 'article:write', 'article:publish', 'comment:moderate', 'user:manage', 'newsletter:send'],
};

export function can(viewer: { role: UserRole } | null, capability: Capability): boolean {
  return viewer !== null && CAPABILITIES[viewer.role].includes(capability);
}

/**
 * Data functions: re-checks the capability of the viewer they were given (never trust the caller to have done
 * so). Throws ForbiddenError for null (anonymous or disabled) and for a role without it.
 */
export function assertCan<T extends { role: UserRole }>(viewer: T | null, capability: Capability): asserts viewer is T {
  if (!can(viewer, capability)) throw new ForbiddenError();
}

type StoryOwnership = { createdBy: string | null; status: 'draft' | 'in_review' | 'published' };

/** Whether the viewer may open a story in the dashboard: editors any story, contributors the stories they started. */
export function mayOpenStory(viewer: { id: string; role: UserRole } | null, story: Pick<StoryOwnership, 'createdBy'>): boolean {
  return can(viewer, 'article:publish') || (can(viewer, 'article:write') && story.createdBy === viewer!.id);
}

/** Whether the viewer may change a story: editors any story, contributors their own until it is published. */
export function mayEditStory(viewer: { id: string; role: UserRole } | null, story: StoryOwnership): boolean {
  return can(viewer, 'article:publish') || (mayOpenStory(viewer, story) && story.status !== 'published');
}
