import { parseSerialId } from './validation/common';

/**
 * The only place audit-log subjects are built and read, as cache tags are in lib/cache-tags.ts. A subject says what
 * an entry was done to, as "kind:id"; the audit page names it (data/audit.ts) and filters by it (`?subject=`).
 */
export const auditSubjects = {
  article: (id: number) => `article:${id}`,
  comment: (id: number) => `comment:${id}`,
  /** Accounts have UUIDs. */
  user: (id: string) => `user:${id}`,
  section: (id: number) => `section:${id}`,
  tag: (id: number) => `tag:${id}`,
  author: (id: number) => `author:${id}`,
  image: (id: number) => `image:${id}`,
  /** A front's arrangement: the front page (null) or a section's front. */
  front: (sectionId: number | null) => (sectionId === null ? 'front:home' : `front:section:${sectionId}`),
  breaking: (id: number) => `breaking:${id}`,
  newsletter: (id: number) => `newsletter:${id}`,
} as const;

/** The kinds whose subjects carry a serial id. */
const SERIAL_KINDS = ['article', 'comment', 'section', 'tag', 'author', 'image', 'breaking', 'newsletter'] as const;
type SerialKind = (typeof SERIAL_KINDS)[number];

/** What "kind:" starts every subject of a serial kind: for SQL that builds subjects from a column. */
export const auditSubjectPrefix = (kind: SerialKind) => `${kind}:`;

export type ParsedAuditSubject =
  | { kind: SerialKind; id: number }
  | { kind: 'user'; id: string }
  | { kind: 'front'; sectionId: number | null }
  /** Written by an older version, or by hand: shown as it is. */
  | { kind: 'unknown' };

const isSerialKind = (kind: string): kind is SerialKind => (SERIAL_KINDS as readonly string[]).includes(kind);

/** Reads a subject back; the inverse of `auditSubjects`. */
export function parseAuditSubject(subject: string): ParsedAuditSubject {
  const separator = subject.indexOf(':');
  const kind = subject.slice(0, separator);
  const rest = subject.slice(separator + 1);
  if (separator <= 0 || rest === '') return { kind: 'unknown' };
  if (kind === 'user') return { kind, id: rest };
  if (kind === 'front') {
    if (rest === 'home') return { kind, sectionId: null };
    const sectionId = rest.startsWith('section:') ? parseSerialId(rest.slice('section:'.length)) : undefined;
    return sectionId === undefined ? { kind: 'unknown' } : { kind, sectionId };
  }
  const id = parseSerialId(rest);
  return isSerialKind(kind) && id !== undefined ? { kind, id } : { kind: 'unknown' };
}
