import { diffArrays, diffWordsWithSpace } from 'diff';

/** A run of text that both versions share, or that only the later (added) or earlier (removed) one has. */
export type DiffSpan = { kind: 'same' | 'added' | 'removed'; text: string };

/**
 * One row of a revision diff: a line both versions share, a line only one of them has, or lines edited in place,
 * whose spans say which words went and which came (spans may hold line breaks when lines were joined or split).
 */
export type DiffRow = { kind: 'same' | 'added' | 'removed'; text: string } | { kind: 'changed'; spans: DiffSpan[] };

/**
 * Bounds on the work, so a pathological pair of 100,000-character bodies cannot hold the server for long. Past
 * MAX_LINE_EDITS changed lines the whole text is shown as removed then added; a block of changed lines is compared
 * word by word only when it is shorter than MAX_WORDS_CHARS and needs at most MAX_WORD_EDITS word edits (past that it
 * is a rewrite, not an edit, and is shown as whole lines). These keep the result the same on a busy server as on an
 * idle one; BUDGET_MS is only the last guard, for the whole diff: once it is spent, what is left is shown as whole lines.
 */
const MAX_LINE_EDITS = 1_000;
const MAX_WORDS_CHARS = 10_000;
const MAX_WORD_EDITS = 200;
const BUDGET_MS = 1_000;

/**
 * Removed lines are shown as edited in place when at least this share of the shorter side survives; below it, a
 * word-by-word comparison of two different paragraphs would only be confetti.
 */
const MIN_SHARED = 0.5;

/**
 * A diff as a reader of a revision history expects: line by line (Myers' algorithm, from the `diff` package), and
 * within a block of changed lines, word by word, so one changed word in a long paragraph is that word removed and
 * added, not the whole paragraph.
 */
export function diffText(before: string, after: string): DiffRow[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const deadline = performance.now() + BUDGET_MS;
  const changes = diffArrays(a, b, { maxEditLength: MAX_LINE_EDITS, timeout: BUDGET_MS }) ?? [
    { value: a, removed: true, added: false, count: a.length },
    { value: b, removed: false, added: true, count: b.length },
  ];

  const rows: DiffRow[] = [];
  let removed: string[] = [];
  const flush = (added: string[]) => {
    rows.push(...changedBlock(removed, added, deadline));
    removed = [];
  };
  for (const change of changes) {
    if (change.removed) {
      removed = change.value;
    } else if (change.added) {
      flush(change.value);
    } else {
      flush([]);
      rows.push(...change.value.map((text): DiffRow => ({ kind: 'same', text })));
    }
  }
  flush([]);
  return rows;
}

/** Lines removed and the lines added in their place: edited in place when they are alike enough, else whole lines. */
function changedBlock(removed: string[], added: string[], deadline: number): DiffRow[] {
  const whole = [...removed.map((text): DiffRow => ({ kind: 'removed', text })), ...added.map((text): DiffRow => ({ kind: 'added', text }))];
  const before = removed.join('\n');
  const after = added.join('\n');
  const shorter = Math.min(before.length, after.length);
  const timeout = deadline - performance.now();
  if (shorter === 0 || before.length + after.length > MAX_WORDS_CHARS || timeout <= 0) return whole;

  const words = diffWordsWithSpace(before, after, { maxEditLength: MAX_WORD_EDITS, timeout });
  if (!words) return whole;
  const spans = words.map((word): DiffSpan => ({ kind: word.added ? 'added' : word.removed ? 'removed' : 'same', text: word.value }));
  const shared = spans.reduce((total, span) => total + (span.kind === 'same' && span.text.trim() ? span.text.length : 0), 0);
  return shared / shorter >= MIN_SHARED ? [{ kind: 'changed', spans }] : whole;
}
