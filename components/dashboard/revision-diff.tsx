import { SNAPSHOT_FIELD_LABELS, changedFields, type ArticleSnapshot } from '@/lib/article-snapshot';
import { diffLines } from '@/lib/diff';

import styles from './revision-diff.module.css';

const LONG_FIELDS = new Set<keyof ArticleSnapshot>(['body', 'dek', 'seoDescription']);

function show(value: unknown, names: Map<string, string>): string {
  if (Array.isArray(value)) return value.map((item) => names.get(String(item)) ?? String(item)).join(', ') || '(none)';
  if (value === null || value === '') return '(empty)';
  return names.get(String(value)) ?? String(value);
}

/** What changed between two revisions: long text line by line, short fields as before → after. */
export function RevisionDiff({ before, after, names }: { before: ArticleSnapshot; after: ArticleSnapshot; names: Map<string, string> }) {
  const fields = changedFields(before, after);
  if (fields.length === 0) return <p>These two revisions are the same.</p>;
  return (
    <dl className={styles.diff}>
      {fields.map((field) => (
        <div key={field} className={styles.field}>
          <dt>{SNAPSHOT_FIELD_LABELS[field]}</dt>
          <dd>
            {LONG_FIELDS.has(field) ? (
              <ol className={styles.lines}>
                {diffLines(String(before[field] ?? ''), String(after[field] ?? '')).map((line, index) =>
                  line.kind === 'same' ? (
                    <li key={index}>{line.text || ' '}</li>
                  ) : line.kind === 'added' ? (
                    <li key={index}>
                      <ins>
                        <span className="visually-hidden">Added: </span>+ {line.text}
                      </ins>
                    </li>
                  ) : (
                    <li key={index}>
                      <del>
                        <span className="visually-hidden">Removed: </span>− {line.text}
                      </del>
                    </li>
                  ),
                )}
              </ol>
            ) : (
              <p>
                <del>{show(before[field], names)}</del> → <ins>{show(after[field], names)}</ins>
              </p>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
