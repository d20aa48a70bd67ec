/**
 * The audit log in plain words: what an action did ("published", "sent back", "banned from commenting"), which kind
 * of action it is (for the filter), and the human label and value of each changed field instead of column names.
 * Actions are recorded as "thing.verb" (data/audit.ts); one not listed here still reads sensibly.
 */
import { BAN_UNTIL } from './comment-standing';
import { ARTICLE_NOTE_LABELS, type ArticleNoteKind } from './editorial';
import { FORMAT_LABELS } from './format';

/** The kinds of action the log can be filtered by; each is a set of action prefixes. */
export const AUDIT_KINDS = {
  stories: { label: 'Stories: writing and publishing', prefixes: ['article.'], except: ['article.note.'] },
  corrections: { label: 'Corrections and updates', prefixes: ['article.note.'] },
  desk: { label: 'Front page and breaking news', prefixes: ['front.', 'breaking.', 'desk.'] },
  comments: { label: 'Comment moderation', prefixes: ['comment.', 'comments.'] },
  commenters: { label: 'Bans and suspensions', prefixes: ['user.comments-'] },
  accounts: { label: 'Staff and accounts', prefixes: ['user.'], except: ['user.comments-'] },
  sections: { label: 'Sections', prefixes: ['section.'] },
  tags: { label: 'Tags', prefixes: ['tag.'] },
  authors: { label: 'Author profiles', prefixes: ['author.'] },
  pictures: { label: 'Pictures', prefixes: ['image.'] },
  newsletters: { label: 'Newsletters', prefixes: ['newsletter.'] },
} as const satisfies Record<string, { label: string; prefixes: readonly string[]; except?: readonly string[] }>;

export type AuditKind = keyof typeof AUDIT_KINDS;

export const AUDIT_KIND_KEYS = Object.keys(AUDIT_KINDS) as AuditKind[];

export function isAuditKind(value: string): value is AuditKind {
  return Object.hasOwn(AUDIT_KINDS, value);
}

/** The kind an action belongs to, or null for one no filter covers. */
export function auditKindOf(action: string): AuditKind | null {
  for (const key of AUDIT_KIND_KEYS) {
    const kind: { prefixes: readonly string[]; except?: readonly string[] } = AUDIT_KINDS[key];
    if (kind.prefixes.some((prefix) => action.startsWith(prefix)) && !kind.except?.some((prefix) => action.startsWith(prefix))) return key;
  }
  return null;
}

const VERBS: Record<string, string> = {
  'article.create': 'started the story',
  'article.save': 'edited',
  'article.submit': 'submitted for review',
  'article.send_back': 'sent back to the writer',
  'article.desk_note': 'added an internal note to',
  'article.assign': 'assigned',
  'article.publish': 'published',
  'article.schedule': 'scheduled',
  'article.update': 'published changes to',
  'article.unpublish': 'unpublished',
  'article.delete': 'deleted the story',
  'article.restore': 'restored an earlier version of',
  'article.live-post': 'posted a live entry on',
  'article.live-edit': 'edited a live entry on',
  'article.live-delete': 'deleted a live entry on',
  'article.live-pin': 'pinned a live entry on',
  'article.live-unpin': 'unpinned a live entry on',
  'article.live-key': 'marked a key event on',
  'article.live-unkey': 'unmarked a key event on',
  'article.live-close': 'closed the live blog',
  'article.live-reopen': 'reopened the live blog',
  'comment.approve': 'approved',
  'comment.reject': 'rejected',
  'comment.delete': 'deleted',
  'comment.feature': 'made an editors’ pick:',
  'comment.unfeature': 'took out of the editors’ picks:',
  'comment.dismiss': 'kept (reports dismissed)',
  'comments.close': 'closed the comments on',
  'comments.reopen': 'reopened the comments on',
  'user.role': 'changed the role of',
  'user.disable': 'disabled the account of',
  'user.enable': 'enabled again the account of',
  'user.sign-out-everywhere': 'signed out everywhere',
  'user.comments-ban': 'banned from commenting',
  'user.comments-suspend': 'suspended from commenting',
  'user.comments-restore': 'let comment again',
  'section.create': 'created the section',
  'section.update': 'changed the section',
  'section.reorder': 'moved the section',
  'section.delete': 'deleted the section',
  'tag.create': 'created the tag',
  'tag.update': 'changed the tag',
  'tag.merge': 'merged a tag into',
  'tag.delete': 'deleted the tag',
  'author.create': 'created the author profile',
  'author.update': 'changed the author profile',
  'image.upload': 'uploaded the picture',
  'image.update': 'changed the picture details of',
  'image.delete': 'deleted the picture',
  'newsletter.create': 'wrote',
  'newsletter.save': 'edited',
  'newsletter.schedule': 'scheduled',
  'newsletter.unschedule': 'took out of the schedule',
  'newsletter.send': 'sent',
  'front.pin': 'pinned a story on',
  'front.move': 'reordered',
  'front.unpin': 'took a story off',
  'breaking.start': 'put up',
  'breaking.lift': 'lifted',
};

/** What was done, in a few plain words: "published", "banned from commenting", "added a correction to". */
export function describeAuditAction(action: string): string {
  const known = VERBS[action];
  if (known) return known;
  const note = /^article\.note\.(\w+)$/.exec(action);
  if (note) {
    const label = ARTICLE_NOTE_LABELS[note[1] as ArticleNoteKind];
    return label ? `added ${label === 'Update' ? 'an update' : `a ${label.toLowerCase()}`} to` : 'added a note to';
  }
  // Something newer than this list: "thing.some-verb" reads "thing: some verb".
  const [thing, ...verb] = action.split('.');
  return verb.length ? `${thing}: ${verb.join(' ').replace(/[-_]/g, ' ')}` : action.replace(/[-_]/g, ' ');
}

const FIELD_LABELS: Record<string, string> = {
  headline: 'Headline',
  dek: 'Standfirst',
  body: 'Text',
  slug: 'Address',
  sectionId: 'Section',
  format: 'Format',
  tagNames: 'Tags',
  authorIds: 'Authors',
  heroImageId: 'Picture',
  heroAlt: 'Picture description',
  heroCaption: 'Picture caption',
  seoTitle: 'Search engine title',
  seoDescription: 'Search engine description',
  relatedIds: 'Related stories',
  version: 'Version',
  status: 'State',
  publishedAt: 'Publication time',
  unpublishAt: 'Taken off the site at',
  kind: 'Kind',
  staged: 'Goes live with the next publication',
  featured: 'Editors’ pick',
  commentsClosed: 'Comments closed',
  role: 'Role',
  disabled: 'Account disabled',
  disabledAt: 'Disabled at',
  sessionVersion: 'Sign-in sessions (generation)',
  suspendedUntil: 'Barred from commenting until',
  name: 'Name',
  description: 'Description',
  position: 'Position',
  direction: 'Moved',
  articleCount: 'Stories',
  id: 'Number',
  createdAt: 'Created',
  updatedAt: 'Changed',
  bio: 'Biography',
  userId: 'Linked account',
  imageId: 'Portrait',
  alt: 'Description (alt text)',
  caption: 'Caption',
  credit: 'Credit',
  fileName: 'File',
  width: 'Width (px)',
  height: 'Height (px)',
  byteSize: 'Size (bytes)',
  deleted: 'Deleted',
  source: 'Merged tag',
  target: 'Kept tag',
  assigneeId: 'Assigned to',
  articleId: 'Story (number)',
  expiresAt: 'Comes down at',
  replaced: 'Replaced banners (numbers)',
  note: 'Note',
  title: 'Heading',
  keyEvent: 'Key event',
  pinned: 'Pinned',
  imageAlt: 'Picture description',
  liveClosedAt: 'Live blog closed at',
};

/** "heroCaption" → "Picture caption"; a nested "target.articleCount" → "Kept tag: stories". */
export function auditFieldLabel(key: string): string {
  const parts = key.split('.');
  const labels = parts.map((part, index) => {
    const label = FIELD_LABELS[part] ?? part.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[-_]/g, ' ').toLowerCase().replace(/^./, (c) => c.toUpperCase());
    return index === 0 ? label : label.toLowerCase();
  });
  return labels.join(': ');
}

const STATUS_LABELS: Record<string, string> = {
  draft: 'Draft',
  in_review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
  pending: 'Awaiting moderation',
  rejected: 'Rejected',
  deleted: 'Deleted',
};

const ROLE_LABELS: Record<string, string> = { reader: 'Reader', contributor: 'Contributor', editor: 'Editor', admin: 'Admin' };

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * A field's value as a reader of the log wants it: state and role names, Yes/No, times in the newsroom's zone
 * (`formatTime`), lists joined; long text shortened.
 */
export function formatAuditValue(key: string, value: unknown, formatTime: (iso: string) => string): string {
  const field = key.split('.').pop() ?? key;
  if (value === undefined || value === null || value === '') return field === 'suspendedUntil' ? 'no bar' : '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.length ? value.map((item) => formatAuditValue(field, item, formatTime)).join(', ') : 'none';
  if (typeof value === 'string') {
    if (field === 'status' && STATUS_LABELS[value]) return STATUS_LABELS[value];
    if (field === 'role' && ROLE_LABELS[value]) return ROLE_LABELS[value];
    if (field === 'format' && value in FORMAT_LABELS) return FORMAT_LABELS[value as keyof typeof FORMAT_LABELS];
    if (field === 'kind' && value in ARTICLE_NOTE_LABELS) return ARTICLE_NOTE_LABELS[value as ArticleNoteKind];
    if (field === 'body' && value === 'changed') return 'changed';
    // A ban is stored as a bar until a far-off date: said as what it is.
    if (ISO_TIME.test(value)) return Date.parse(value) >= BAN_UNTIL.getTime() ? 'for good (banned)' : formatTime(value);
    return value.length > 140 ? `${value.slice(0, 137)}…` : value;
  }
  if (typeof value === 'object') {
    const text = JSON.stringify(value);
    return text.length > 140 ? `${text.slice(0, 137)}…` : text;
  }
  return String(value);
}

/** Fields the log leaves out of "what changed": bookkeeping nobody reads (ids and versions said elsewhere). */
export const AUDIT_HIDDEN_FIELDS = new Set(['id', 'version', 'createdAt', 'updatedAt', 'savedAt']);
