/** Audit entries' before/after as the few keys that changed, for a compact display. */

export type Json = unknown;

const isRecord = (value: Json): value is Record<string, Json> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Flattens nested objects into "a.b" keys, so a merge's source/target details diff line by line. */
function flatten(value: Json, prefix = '', into: Record<string, Json> = {}): Record<string, Json> {
  if (isRecord(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, into);
  } else if (prefix) {
    into[prefix] = value;
  }
  return into;
}

export type AuditLine = { key: string; before: Json; after: Json; kind: 'changed' | 'added' | 'removed' };

/** Before/after as a list of keys that differ (unchanged keys are left out; a creation or deletion lists all). */
export function diffAudit(before: Json, after: Json): AuditLine[] {
  const old = isRecord(before) ? flatten(before) : before == null ? {} : { value: before };
  const next = isRecord(after) ? flatten(after) : after == null ? {} : { value: after };
  const keys = [...new Set([...Object.keys(old), ...Object.keys(next)])];
  const lines: AuditLine[] = [];
  for (const key of keys) {
    const inOld = key in old;
    const inNew = key in next;
    if (inOld && inNew && JSON.stringify(old[key]) === JSON.stringify(next[key])) continue;
    lines.push({ key, before: old[key], after: next[key], kind: inOld && inNew ? 'changed' : inNew ? 'added' : 'removed' });
  }
  return lines;
}
