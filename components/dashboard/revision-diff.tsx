import type { ReactNode } from 'react';

import { SNAPSHOT_FIELD_LABELS, changedFields, type ArticleSnapshot } from '@/lib/article-snapshot';
import { diffText, type DiffRow, type DiffSpan } from '@/lib/diff';

import styles from './revision-diff.module.css';

const LONG_FIELDS = new Set<keyof ArticleSnapshot>(['body', 'dek', 'seoDescription']);

function show(value: unknown, names: Map<string, string>): string {
  if (Array.isArray(value)) return value.map((item) => names.get(String(item)) ?? String(item)).join(', ') || '(none)';
  if (value === null || value === '') return '(empty)';
  return names.get(String(value)) ?? String(value);
}

/**
 * Inserted or deleted text. The colours and strike-through are lost on a screen reader (which mostly ignores <ins>
 * and <del>), so the change is also said in words: "[deleted: heated][inserted: lively]".
 */
function Marked({ kind, what, children }: { kind: 'added' | 'removed'; what?: string; children: ReactNode }) {
  const Tag = kind === 'added' ? 'ins' : 'del';
  const verb = kind === 'added' ? 'inserted' : 'deleted';
  return (
    <Tag>
      <span className="visually-hidden">[{what ? `${verb} ${what}` : verb}: </span>
      {children}
      <span className="visually-hidden">]</span>
    </Tag>
  );
}

/** A changed span; an added or removed space or line break gets a visible sign, or there would be nothing to see. */
function Span({ span }: { span: DiffSpan }) {
  if (span.kind === 'same') return span.text;
  if (span.text.trim()) return <Marked kind={span.kind}>{span.text}</Marked>;
  const lineBreak = span.text.includes('\n');
  return (
    <Marked kind={span.kind} what={lineBreak ? 'line break' : 'space'}>
      <span aria-hidden="true" className={styles.sign}>
        {lineBreak ? '↵' : '·'}
      </span>
      {span.text}
    </Marked>
  );
}

function Row({ row }: { row: DiffRow }) {
  switch (row.kind) {
    case 'same':
      return <li>{row.text || ' '}</li>;
    case 'changed':
      return (
        <li className={styles.changed}>
          {row.spans.map((span, index) => (
            <Span key={index} span={span} />
          ))}
        </li>
      );
    default:
      return (
        <li>
          <Marked kind={row.kind} what="line">
            <span aria-hidden="true">{row.kind === 'added' ? '+ ' : '− '}</span>
            {row.text}
          </Marked>
        </li>
      );
  }
}

/** What changed between two revisions: long text line by line with the words changed inside a line, short fields as before → after. */
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
                {diffText(String(before[field] ?? ''), String(after[field] ?? '')).map((row, index) => (
                  <Row key={index} row={row} />
                ))}
              </ol>
            ) : (
              <p>
                <Marked kind="removed">{show(before[field], names)}</Marked> → <Marked kind="added">{show(after[field], names)}</Marked>
              </p>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
