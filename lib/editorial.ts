/** Enum lists shared by the database schema, validation and the UI (lib never imports db). */

/** Why a reader reports a comment. */
export const COMMENT_REPORT_REASONS = ['spam', 'abuse', 'off_topic', 'personal_information', 'other'] as const;
export type CommentReportReason = (typeof COMMENT_REPORT_REASONS)[number];

export const COMMENT_REPORT_REASON_LABELS: Record<CommentReportReason, string> = {
  spam: 'Spam or advertising',
  abuse: 'Abusive, hateful or threatening',
  off_topic: 'Off topic',
  personal_information: 'Shares personal information',
  other: 'Something else',
};

/** Notes an editor adds to a published story. */
export const ARTICLE_NOTE_KINDS = ['correction', 'clarification', 'update'] as const;
export type ArticleNoteKind = (typeof ARTICLE_NOTE_KINDS)[number];

export const ARTICLE_NOTE_LABELS: Record<ArticleNoteKind, string> = { correction: 'Correction', clarification: 'Clarification', update: 'Update' };

/** Internal notes on a story: a plain note, or the note an editor sends a story back to its writer with. */
export const DESK_NOTE_KINDS = ['note', 'sent_back'] as const;
export type DeskNoteKind = (typeof DESK_NOTE_KINDS)[number];
