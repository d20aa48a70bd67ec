import Link from 'next/link';

import { AUDIT_KINDS, AUDIT_KIND_KEYS, type AuditKind } from '@/lib/audit-wording';

import log from './audit-log.module.css';

/**
 * A plain GET form (works without JavaScript): who did it (the staff), which story (its number, or words of its
 * headline), and what kind of action. A subject filter from a link (one person's account) is kept and can be removed.
 */
export function AuditFilter({
  actors,
  actor,
  story,
  kind,
  subject,
  subjectLabel,
}: {
  actors: { id: string; name: string; role: string }[];
  actor: string;
  story: string;
  kind: AuditKind | '';
  subject: string;
  subjectLabel: string | null;
}) {
  return (
    <form className={log.filters} action="/dashboard/audit" method="get" role="search" aria-label="Filter the audit log">
      <label>
        Person
        <select name="actor" defaultValue={actor}>
          <option value="">Anyone</option>
          {actors.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name || '(no name)'} ({person.role})
            </option>
          ))}
        </select>
      </label>
      <label>
        Story
        <input name="story" type="search" defaultValue={story} placeholder="Headline words or story number" maxLength={200} />
      </label>
      <label>
        Kind of action
        <select name="kind" defaultValue={kind}>
          <option value="">Everything</option>
          {AUDIT_KIND_KEYS.map((key) => (
            <option key={key} value={key}>
              {AUDIT_KINDS[key].label}
            </option>
          ))}
        </select>
      </label>
      {subject && <input type="hidden" name="subject" value={subject} />}
      <button type="submit">Filter</button>
      {(actor || story || kind || subject) && <Link href="/dashboard/audit">Clear filters</Link>}
      {subject && (
        <p className={log.about}>
          Only entries about <strong>{subjectLabel ?? subject}</strong>.{' '}
          <Link href={`/dashboard/audit?${new URLSearchParams({ ...(actor && { actor }), ...(story && { story }), ...(kind && { kind }) }).toString()}`}>Show entries about anything</Link>
        </p>
      )}
    </form>
  );
}
