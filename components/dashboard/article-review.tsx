import { addDeskNoteAction, assignStoryAction } from '@/actions/review';
import { DateTime } from '@/components/ui/date-time';
import formStyles from '@/components/ui/form.module.css';
import type { DeskNote, ReviewState, StaffChoice } from '@/data/article-review';

import editor from './article-editor.module.css';
import styles from './article-review.module.css';

/**
 * The review loop on a story's page (docs/adr/0015): why it was sent back, who it waits on, and the desk's internal
 * notes. Server components with plain form posts: every form redirects back here, so they work the same with and
 * without JavaScript, and a refusal comes back as `?problem=` (the page shows it at its top).
 */

/** Why a story was sent back, for its writer and for editors, while it is still sent back. */
export function SentBackBanner({ review, isWriter }: { review: ReviewState; isWriter: boolean }) {
  if (!review.sentBack) return null;
  const { sentBack, assignee } = review;
  return (
    <section className={styles.banner} aria-labelledby="sent-back-title">
      <h2 id="sent-back-title" className={styles.bannerTitle}>
        {isWriter ? 'Sent back to you' : `Sent back to ${assignee?.name ?? 'its writer'}`}
      </h2>
      <p className={styles.meta}>
        By {sentBack.by ?? 'a former editor'}, <DateTime iso={sentBack.at} />
      </p>
      <blockquote className={styles.noteBody}>{sentBack.note}</blockquote>
      {isWriter && <p className={styles.meta}>Make the changes, save, then submit it for review again.</p>}
    </section>
  );
}

/** Editors: who the story waits on next (a select of staff; a contributor only for their own story). */
export function AssignForm({ articleId, review, staff }: { articleId: number; review: ReviewState; staff: StaffChoice[] }) {
  const current = review.assignee?.id ?? '';
  // The current assignee stays a choice even if they could no longer be chosen (disabled since, say).
  const choices = review.assignee && !staff.some((person) => person.id === review.assignee!.id) ? [...staff, { ...review.assignee, role: 'contributor' as const }] : staff;
  return (
    <form id="assign" action={assignStoryAction} className={`${editor.workflowForm} ${styles.form}`} aria-labelledby="assign-title">
      <h3 id="assign-title">Assigned to</h3>
      <input type="hidden" name="id" value={articleId} />
      <p className={formStyles.field}>
        <label htmlFor="assigneeId">Who this story waits on</label>
        <select id="assigneeId" name="assigneeId" defaultValue={current} className={styles.control}>
          <option value="">Nobody</option>
          {choices.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name} ({person.id === review.writerId ? 'writer' : person.role})
            </option>
          ))}
        </select>
      </p>
      <button type="submit" className={styles.button}>
        Assign
      </button>
    </form>
  );
}

/** Internal notes: staff who may open the story read and add them; readers never see them. */
export function DeskNotes({ articleId, notes, total }: { articleId: number; notes: DeskNote[]; total: number }) {
  return (
    <section id="desk-notes" className={styles.notes} aria-labelledby="desk-notes-title">
      <h2 id="desk-notes-title" className={styles.notesTitle}>
        Desk notes {total > 0 && <span className={styles.count}>({total})</span>}
      </h2>
      <p className={styles.meta}>For the desk only: readers never see these notes.</p>
      {total > notes.length && <p className={styles.meta}>Showing the latest {notes.length} of {total}.</p>}
      {notes.length === 0 ? (
        <p className={styles.meta}>No notes yet.</p>
      ) : (
        <ol className={styles.noteList} aria-label="Notes on this story">
          {notes.map((note) => (
            <li key={note.id} className={note.kind === 'sent_back' ? styles.sentBack : undefined}>
              <p className={styles.noteHead}>
                <strong>{note.authorName ?? 'A former member of staff'}</strong>
                {note.kind === 'sent_back' && <span className={styles.kind}> sent it back</span>} · <DateTime iso={note.createdAt} />
              </p>
              <p className={styles.noteBody}>{note.body}</p>
            </li>
          ))}
        </ol>
      )}
      <form action={addDeskNoteAction} className={styles.form} aria-label="Add a desk note">
          <input type="hidden" name="id" value={articleId} />
        <p className={formStyles.field}>
          <label htmlFor="desk-note-body">Note for the desk</label>
          <textarea id="desk-note-body" name="body" rows={3} required minLength={2} maxLength={2000} className={styles.control} />
        </p>
        <button type="submit" className={styles.button}>
          Add desk note
        </button>
      </form>
    </section>
  );
}
