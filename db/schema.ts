import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

import { ARTICLE_FORMATS } from '../lib/article-formats';
import type { ImageVariant } from '../lib/image-variants';
import { ARTICLE_NOTE_KINDS, COMMENT_REPORT_REASONS, DESK_NOTE_KINDS } from '../lib/editorial';
import { USER_ROLES } from '../lib/roles';

const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const userRole = pgEnum('user_role', USER_ROLES);
export const articleStatus = pgEnum('article_status', ['draft', 'in_review', 'published']);
export const articleFormat = pgEnum('article_format', ARTICLE_FORMATS);
export const commentStatus = pgEnum('comment_status', ['published', 'pending', 'rejected', 'deleted']);
export const commentReportReason = pgEnum('comment_report_reason', COMMENT_REPORT_REASONS);
export const articleNoteKind = pgEnum('article_note_kind', ARTICLE_NOTE_KINDS);
export const deskNoteKind = pgEnum('desk_note_kind', DESK_NOTE_KINDS);

/**
 * Accounts. The column names the Auth.js Drizzle adapter expects (id, name, email, emailVerified, image)
 * are kept so the accounts issue can plug the adapter in without a rename.
 */
export const users = pgTable('users', {
  id: text('id')
    .primaryKey()
    .default(sql`gen_random_uuid()::text`),
  name: text('name').notNull().default(''),
  email: text('email').notNull().unique(),
  emailVerified: timestamptz('email_verified'),
  image: text('image'),
  role: userRole('role').notNull().default('reader'),
  passwordHash: text('password_hash'),
  sessionVersion: integer('session_version').notNull().default(1),
  disabledAt: timestamptz('disabled_at'),
  /** A moderator's suspension from commenting, until this moment (a ban is a far-future date). */
  commentsSuspendedUntil: timestamptz('comments_suspended_until'),
  /** Staff: when they last marked the dashboard's "published since I last looked" as seen. */
  deskSeenAt: timestamptz('desk_seen_at'),
  /** E-mail me when a published reply answers one of my comments (batched: at most one message per 15 minutes). */
  notifyReplies: boolean('notify_replies').notNull().default(true),
  /** E-mail me when a moderator approves or rejects a comment of mine that was held. */
  notifyModeration: boolean('notify_moderation').notNull().default(false),
  /** When the last notification message was queued for this reader (the 15-minute batching window starts here). */
  lastNotifiedAt: timestamptz('last_notified_at'),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
});

/**
 * One row per signed-in session (the JWT's `sid` claim names it). A session counts only while its row exists, is not
 * revoked and has not expired: signing out revokes it on the server, so a copied cookie stops working at once.
 */
export const userSessions = pgTable(
  'user_sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    expiresAt: timestamptz('expires_at').notNull(),
    revokedAt: timestamptz('revoked_at'),
  },
  (t) => [index('user_sessions_user_idx').on(t.userId)],
);

export const accountTokenKind = pgEnum('account_token_kind', ['verify_email', 'reset_password', 'change_email']);

/**
 * Single-use links sent by e-mail (verify the address, reset the password, confirm a new address). Only the SHA-256
 * of the token is stored; a token is spent by setting used_at in the same statement that checks it.
 */
export const accountTokens = pgTable(
  'account_tokens',
  {
    id: serial('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: accountTokenKind('kind').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** change_email: the address that becomes the account's once confirmed. */
    newEmail: text('new_email'),
    expiresAt: timestamptz('expires_at').notNull(),
    usedAt: timestamptz('used_at'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [index('account_tokens_user_idx').on(t.userId, t.kind)],
);

export const mailStatus = pgEnum('mail_status', ['queued', 'sent', 'failed']);

/**
 * Every outgoing message (the transactional outbox): written in the same transaction as the change that causes it,
 * delivered later by the mail worker. `key` is the idempotency key: queueing the same message twice keeps one row,
 * and the worker sends a row at most once (its Message-ID is derived from the key).
 */
export const mailMessages = pgTable(
  'mail_messages',
  {
    id: serial('id').primaryKey(),
    key: text('key').notNull().unique(),
    /** account (verification, reset …), notification (replies, moderation), newsletter. */
    kind: text('kind').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    /** Extra headers (List-Unsubscribe, List-Unsubscribe-Post …). */
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    status: mailStatus('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    newsletterIssueId: integer('newsletter_issue_id').references((): AnyPgColumn => newsletterIssues.id, { onDelete: 'set null' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    sentAt: timestamptz('sent_at'),
    /**
     * When a queued message may next be claimed by a worker: now for a new one, the end of the lease while a worker
     * is sending it (a worker that died mid-send leaves it to another once the lease ends), the end of the backoff
     * after a failed attempt (docs/adr/0022).
     */
    availableAt: timestamptz('available_at').notNull().defaultNow(),
  },
  (t) => [
    index('mail_messages_status_idx').on(t.status, t.id),
    index('mail_messages_issue_idx').on(t.newsletterIssueId, t.status),
    // The worker's claim: account and notification mail before bulk, then the longest waiting (server/mail-delivery).
    index('mail_messages_due_idx').on(sql`(${t.kind} = 'newsletter')`, t.availableAt, t.id).where(sql`${t.status} = 'queued'`),
  ],
);

/**
 * Replies (and moderation decisions) waiting to be told to a reader: collected and sent as one message at most every
 * 15 minutes per reader.
 */
export const pendingNotifications = pgTable(
  'pending_notifications',
  {
    id: serial('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** reply | approved | rejected */
    kind: text('kind').notNull(),
    commentId: integer('comment_id')
      .notNull()
      .references((): AnyPgColumn => comments.id, { onDelete: 'cascade' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [unique('pending_notifications_once').on(t.userId, t.kind, t.commentId), index('pending_notifications_user_idx').on(t.userId, t.createdAt)],
);

/**
 * Newsletter subscriptions, with or without an account. `list` is "daily" or "section:<slug>". Double opt-in: a row
 * counts once confirmed_at is set, and stops counting once unsubscribed_at is.
 */
export const newsletterSubscriptions = pgTable(
  'newsletter_subscriptions',
  {
    id: serial('id').primaryKey(),
    email: text('email').notNull(),
    list: text('list').notNull(),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    confirmedAt: timestamptz('confirmed_at'),
    unsubscribedAt: timestamptz('unsubscribed_at'),
  },
  (t) => [unique('newsletter_subscriptions_once').on(t.email, t.list), index('newsletter_subscriptions_list_idx').on(t.list, t.confirmedAt)],
);

export const newsletterIssueStatus = pgEnum('newsletter_issue_status', ['draft', 'scheduled', 'sending', 'sent']);

/** One issue of a newsletter: written and previewed by an editor, sent now or at a scheduled time through the queue. */
export const newsletterIssues = pgTable(
  'newsletter_issues',
  {
    id: serial('id').primaryKey(),
    list: text('list').notNull(),
    subject: text('subject').notNull(),
    /** The editor's introduction (Markdown); the stories follow it. */
    intro: text('intro').notNull().default(''),
    status: newsletterIssueStatus('status').notNull().default('draft'),
    scheduledFor: timestamptz('scheduled_for'),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    /** When its messages were queued (one per confirmed subscriber). */
    queuedAt: timestamptz('queued_at'),
  },
  (t) => [index('newsletter_issues_status_idx').on(t.status, t.scheduledFor)],
);

/** Auth.js adapter tables (OAuth accounts, database sessions, e-mail tokens); names as the adapter expects. */
export const accounts = pgTable(
  'accounts',
  {
    userId: text('userId')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    provider: text('provider').notNull(),
    providerAccountId: text('providerAccountId').notNull(),
    refresh_token: text('refresh_token'),
    access_token: text('access_token'),
    expires_at: integer('expires_at'),
    token_type: text('token_type'),
    scope: text('scope'),
    id_token: text('id_token'),
    session_state: text('session_state'),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

export const sessions = pgTable('sessions', {
  sessionToken: text('sessionToken').primaryKey(),
  userId: text('userId')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  expires: timestamp('expires', { mode: 'date' }).notNull(),
});

export const verificationTokens = pgTable(
  'verificationTokens',
  {
    identifier: text('identifier').notNull(),
    token: text('token').notNull(),
    expires: timestamp('expires', { mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

/**
 * Sign-in attempts per key ("account:<email>" or "ip:<address>") in the current window. Counted atomically before
 * the password is checked, so parallel guesses cannot slip past the limit; shared by every server process.
 */
export const signInThrottle = pgTable('sign_in_throttle', {
  key: text('key').primaryKey(),
  attempts: integer('attempts').notNull().default(0),
  windowStartedAt: timestamptz('window_started_at').notNull().defaultNow(),
  lockedUntil: timestamptz('locked_until'),
});

export const sections = pgTable(
  'sections',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    position: integer('position').notNull().default(0),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [index('sections_position_idx').on(t.position, t.name)],
);

export const tags = pgTable('tags', {
  id: serial('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
});

/** Images live under the data directory; the row keeps what a page needs to lay them out. */
export const images = pgTable('images', {
  id: serial('id').primaryKey(),
  fileName: text('file_name').notNull().unique(),
  /** The width variants made from this picture (pages offer them in `srcset`); empty until they are made. */
  variants: jsonb('variants').$type<ImageVariant[]>().notNull().default([]),
  mimeType: text('mime_type').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  byteSize: integer('byte_size').notNull(),
  alt: text('alt').notNull().default(''),
  credit: text('credit').notNull().default(''),
  uploadedBy: text('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
});

export const authors = pgTable(
  'authors',
  {
  id: serial('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  jobTitle: text('job_title').notNull().default(''),
  bio: text('bio').notNull().default(''),
  avatarImageId: integer('avatar_image_id').references(() => images.id, { onDelete: 'set null' }),
  userId: text('user_id')
    .unique()
    .references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [index('authors_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops'))],
);

export const articles = pgTable(
  'articles',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    sectionId: integer('section_id')
      .notNull()
      .references(() => sections.id, { onDelete: 'restrict' }),
    headline: text('headline').notNull(),
    dek: text('dek').notNull().default(''),
    body: text('body').notNull().default(''),
    format: articleFormat('format').notNull().default('news'),
    status: articleStatus('status').notNull().default('draft'),
    heroImageId: integer('hero_image_id').references(() => images.id, { onDelete: 'set null' }),
    heroAlt: text('hero_alt').notNull().default(''),
    heroCaption: text('hero_caption').notNull().default(''),
    seoTitle: text('seo_title'),
    seoDescription: text('seo_description'),
    /** Public from this minute on (when status is published). A future value is a scheduled story. */
    publishedAt: timestamptz('published_at'),
    /** Shown to readers as "Updated" when later than publishedAt. */
    updatedAt: timestamptz('updated_at'),
    /** Optional expiry: not public from this minute on. */
    unpublishAt: timestamptz('unpublish_at'),
    /** A live blog (format 'live') reads as live coverage until this moment; then as an ordinary article. */
    liveClosedAt: timestamptz('live_closed_at'),
    /** Editors can close a story's comments; they also close by themselves 30 days after publication. */
    commentsClosed: boolean('comments_closed').notNull().default(false),
    /** Bumped by every save; the dashboard uses it for optimistic concurrency. */
    version: integer('version').notNull().default(1),
    /** Who started the story: a contributor may edit only their own drafts. */
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** Who the story waits on next (the review loop): a writer it was sent back to, or an editor asked to review it. */
    assigneeId: text('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    /** Set when an editor sends the story back to its writer; cleared when it is submitted again. */
    sentBackAt: timestamptz('sent_back_at'),
    /**
     * A saved change to a published story that is not public yet (the public page follows when an editor publishes
     * the change). Null when the row itself is the latest text.
     */
    pendingRevisionId: integer('pending_revision_id').references((): AnyPgColumn => articleRevisions.id, { onDelete: 'set null' }),
    /** The revision readers were last given (set on publication). */
    publishedRevisionId: integer('published_revision_id').references((): AnyPgColumn => articleRevisions.id, { onDelete: 'set null' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    /** When the story was last saved (its newest revision), for the dashboard's "recently saved first" list. */
    savedAt: timestamptz('saved_at').notNull().defaultNow(),
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('english', coalesce("headline", '')), 'A') || setweight(to_tsvector('english', coalesce("dek", '')), 'B') || setweight(to_tsvector('english', coalesce("body", '')), 'C')`,
      ),
  },
  (t) => [
    // DESC NULLS FIRST is what a plain `order by … desc` asks for, so the index serves it; unpublish_at is the last
    // key so that counting public rows is an index-only scan.
    index('articles_public_published_idx')
      .on(t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst(), t.unpublishAt)
      .where(sql`${t.status} = 'published'`),
    index('articles_section_published_idx')
      .on(t.sectionId, t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst(), t.unpublishAt)
      .where(sql`${t.status} = 'published'`),
    index('articles_unpublish_idx')
      .on(t.unpublishAt)
      .where(sql`${t.unpublishAt} is not null`),
    index('articles_search_idx').using('gin', t.searchVector),
    index('articles_headline_trgm_idx').using('gin', t.headline.op('gin_trgm_ops')),
    // The desk's text filter matches headline or slug; with both indexed the planner can combine them.
    index('articles_slug_trgm_idx').using('gin', t.slug.op('gin_trgm_ops')),
    // The dashboard's desk: recently saved first, overall and within a status.
    index('articles_desk_saved_idx').on(t.savedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('articles_desk_status_saved_idx').on(t.status, t.savedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // The desk's counts per state (overall or in one section) as an index-only scan, not a pass over the bodies.
    index('articles_desk_counts_idx').on(t.sectionId, t.status, t.publishedAt, t.unpublishAt),
    // The dashboard home's "assigned to me" and "sent back to me".
    index('articles_assignee_idx')
      .on(t.assigneeId)
      .where(sql`${t.assigneeId} is not null`),
    check('articles_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
  ],
);

export const articleAuthors = pgTable(
  'article_authors',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    authorId: integer('author_id')
      .notNull()
      .references(() => authors.id, { onDelete: 'restrict' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.authorId] }),
    index('article_authors_author_idx').on(t.authorId, t.articleId),
  ],
);

export const articleTags = pgTable(
  'article_tags',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.tagId] }), index('article_tags_tag_idx').on(t.tagId, t.articleId)],
);

/** An article's earlier slugs, so old links answer with a permanent redirect. */
export const articleSlugHistory = pgTable('article_slug_history', {
  slug: text('slug').primaryKey(),
  articleId: integer('article_id')
    .notNull()
    .references((): AnyPgColumn => articles.id, { onDelete: 'cascade' }),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
});

/** Addresses of tags merged into another: `/tag/{slug}` answers with a permanent redirect to the survivor. */
export const tagSlugHistory = pgTable('tag_slug_history', {
  slug: text('slug').primaryKey(),
  tagId: integer('tag_id')
    .notNull()
    .references((): AnyPgColumn => tags.id, { onDelete: 'cascade' }),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
});

/** Editor-picked related stories, shown first in the sidebar in this order. */
export const articleRelatedPicks = pgTable(
  'article_related_picks',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    relatedArticleId: integer('related_article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.relatedArticleId] }),
    check('article_related_picks_not_self', sql`${t.articleId} <> ${t.relatedArticleId}`),
  ],
);

/** Reader comments: plain text, threaded two levels deep (a reply to a reply joins its top-level thread). */
export const comments = pgTable(
  'comments',
  {
    id: serial('id').primaryKey(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    /** Null once the author deleted their account and chose to keep their comments (shown as "deleted account"). */
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    parentId: integer('parent_id').references((): AnyPgColumn => comments.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    status: commentStatus('status').notNull(),
    likeCount: integer('like_count').notNull().default(0),
    /** Featured by a moderator: pinned at the top of the thread with a badge. */
    featuredAt: timestamptz('featured_at'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    editedAt: timestamptz('edited_at'),
  },
  (t) => [
    index('comments_thread_idx').on(t.articleId, t.parentId, t.createdAt),
    index('comments_user_idx').on(t.userId, t.createdAt),
  ],
);

/** One like per person per comment; undoable. comments.like_count is kept in step in the same transaction. */
export const commentLikes = pgTable(
  'comment_likes',
  {
    commentId: integer('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.userId] }), index('comment_likes_user_idx').on(t.userId)],
);

/** A reader's report of a comment, with a reason; one per person per comment. Resolved by a moderator's decision. */
export const commentReports = pgTable(
  'comment_reports',
  {
    id: serial('id').primaryKey(),
    commentId: integer('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reason: commentReportReason('reason').notNull(),
    note: text('note').notNull().default(''),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    resolvedAt: timestamptz('resolved_at'),
  },
  (t) => [unique('comment_reports_once').on(t.commentId, t.userId), index('comment_reports_open_idx').on(t.resolvedAt, t.createdAt)],
);

/** Every save of an article keeps a snapshot of its editable fields (who, when), for history, diff and restore. */
export const articleRevisions = pgTable(
  'article_revisions',
  {
    id: serial('id').primaryKey(),
    articleId: integer('article_id')
      .notNull()
      .references((): AnyPgColumn => articles.id, { onDelete: 'cascade' }),
    /** The article's version this snapshot was saved as. */
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [unique('article_revisions_version').on(t.articleId, t.version)],
);

/** Corrections, clarifications and updates shown on a published story. */
export const articleNotes = pgTable(
  'article_notes',
  {
    id: serial('id').primaryKey(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    kind: articleNoteKind('kind').notNull(),
    body: text('body').notNull(),
    notedAt: timestamptz('noted_at').notNull().defaultNow(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    /**
     * Added while the story had saved changes readers do not have yet: hidden from readers until an editor publishes
     * those changes, when it goes live with them (docs/adr/0007).
     */
    staged: boolean('staged').notNull().default(false),
  },
  (t) => [index('article_notes_article_idx').on(t.articleId, t.notedAt)],
);

/** Internal notes on a story (the desk's conversation: readers never see them); a send-back carries its note here. */
export const articleDeskNotes = pgTable(
  'article_desk_notes',
  {
    id: serial('id').primaryKey(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    kind: deskNoteKind('kind').notNull().default('note'),
    body: text('body').notNull(),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [index('article_desk_notes_article_idx').on(t.articleId, t.createdAt)],
);

/**
 * The editors' arrangement of a front: stories pinned in order on the front page (section_id null: position 0 is
 * the lead, the next ones the top stories) or featured at the top of a section. Everything else fills by time.
 */
export const frontPlacements = pgTable(
  'front_placements',
  {
    id: serial('id').primaryKey(),
    sectionId: integer('section_id').references(() => sections.id, { onDelete: 'cascade' }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    placedBy: text('placed_by').references(() => users.id, { onDelete: 'set null' }),
    placedAt: timestamptz('placed_at').notNull().defaultNow(),
  },
  (t) => [
    unique('front_placements_front_article').on(t.sectionId, t.articleId).nullsNotDistinct(),
    index('front_placements_front_idx').on(t.sectionId, t.position),
  ],
);

/** A breaking-news banner across the site: live from started_at until it is lifted or expires. */
export const breakingNews = pgTable(
  'breaking_news',
  {
    id: serial('id').primaryKey(),
    headline: text('headline').notNull(),
    /** The story the banner links to, if any. */
    articleId: integer('article_id').references(() => articles.id, { onDelete: 'set null' }),
    startedAt: timestamptz('started_at').notNull().defaultNow(),
    expiresAt: timestamptz('expires_at'),
    liftedAt: timestamptz('lifted_at'),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('breaking_news_live_idx').on(t.startedAt).where(sql`${t.liftedAt} is null`)],
);

/** Every editorial and moderation action: who, what, when, and before/after where it matters. Admins read it. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: serial('id').primaryKey(),
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    /** What it was done to, as "kind:id" (article:12, comment:7, user:…). */
    subject: text('subject').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [index('audit_log_created_idx').on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()), index('audit_log_subject_idx').on(t.subject, t.createdAt)],
);

/** A live blog's timestamped entries (the story's format is 'live'). */
export const liveEntries = pgTable(
  'live_entries',
  {
    id: serial('id').primaryKey(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    /** An optional short heading; key events are listed at the top by it. */
    title: text('title').notNull().default(''),
    body: text('body').notNull(),
    imageId: integer('image_id').references(() => images.id, { onDelete: 'set null' }),
    imageAlt: text('image_alt').notNull().default(''),
    keyEvent: boolean('key_event').notNull().default(false),
    pinned: boolean('pinned').notNull().default(false),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    postedAt: timestamptz('posted_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at'),
  },
  (t) => [
    index('live_entries_article_posted_idx').on(t.articleId, t.postedAt.desc(), t.id.desc()),
    uniqueIndex('live_entries_one_pinned_idx')
      .on(t.articleId)
      .where(sql`${t.pinned}`),
  ],
);

/** Article views counted per hour (batched from the page beacon; duplicates within the hour are not counted). */
export const articleViews = pgTable(
  'article_views',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    hour: timestamptz('hour').notNull(),
    views: integer('views').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.hour] }), index('article_views_hour_idx').on(t.hour)],
);

/** The archive's words with how many stories use them: the "did you mean" of search looks misspellings up here. */
export const searchWords = pgTable(
  'search_words',
  {
    word: text('word').primaryKey(),
    documents: integer('documents').notNull().default(0),
  },
  (t) => [index('search_words_trgm_idx').using('gin', t.word.op('gin_trgm_ops'))],
);

/**
 * The words each public story gave the word list when it was last counted (kept by a trigger on articles and a
 * periodic job, migration 0014), so a change or an unpublication takes back exactly what it added.
 */
export const searchWordSources = pgTable(
  'search_word_sources',
  {
    articleId: integer('article_id').primaryKey(),
    words: text('words').array().notNull(),
    /**
     * The story's neighbouring English lexemes ('flood harbour'), migration 0015: a "phrase" search looks its pairs up
     * here (GIN) instead of re-reading the positions of every story that has both words.
     */
    pairs: text('pairs').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [index('search_word_sources_pairs_idx').using('gin', t.pairs)],
);

export type Section = typeof sections.$inferSelect;
export type Tag = typeof tags.$inferSelect;
export type Author = typeof authors.$inferSelect;
export type Article = typeof articles.$inferSelect;
export type NewArticle = typeof articles.$inferInsert;
export type { ArticleFormat } from '../lib/article-formats';
export type ArticleStatus = (typeof articleStatus.enumValues)[number];
export type { UserRole } from '../lib/roles';


/**
 * Answers to forms posted without JavaScript that do not fit in their cookie, such as a refused comment with the text
 * that was typed (docs/adr/0030): the cookie names the row, which is read for a few seconds and then swept.
 */
export const formResults = pgTable(
  'form_results',
  {
    /** Random (256 bits): whoever holds the signed cookie that names it may read it. */
    id: text('id').primaryKey(),
    form: text('form').notNull(),
    result: jsonb('result').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
  },
  (t) => [index('form_results_expires_idx').on(t.expiresAt)],
);
