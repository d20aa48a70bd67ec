import styles from './dashboard-admin.module.css';

/** Action families worth a shortcut; any other prefix can be typed. */
const PREFIXES = ['article.', 'comment.', 'section.', 'tag.', 'user.', 'image.', 'author.'];

/** A plain GET form: filter the log by action prefix ("user.", "tag.merge") and keep a subject filter. */
export function AuditFilter({ action, subject }: { action: string; subject: string }) {
  return (
    <form className={`dashboard-toolbar ${styles.toolbar}`} action="/dashboard/audit">
      <label>
        Action starts with
        <input name="action" list="audit-prefixes" defaultValue={action} placeholder="e.g. user." />
      </label>
      <datalist id="audit-prefixes">
        {PREFIXES.map((prefix) => (
          <option key={prefix} value={prefix} />
        ))}
      </datalist>
      {subject && (
        <label>
          Subject
          <input name="subject" defaultValue={subject} />
        </label>
      )}
      <button type="submit">Filter</button>
    </form>
  );
}
