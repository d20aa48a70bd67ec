export type DiffLine = { kind: 'same' | 'added' | 'removed'; text: string };

/** Cap on the LCS table, so a pathological pair of bodies cannot eat the server's memory. */
const MAX_CELLS = 4_000_000;

/**
 * A line-by-line diff (longest common subsequence), as a reader of a revision history expects: unchanged lines,
 * removed lines and added lines in order. Common head and tail are trimmed first; beyond MAX_CELLS the middle is
 * shown as all removed then all added.
 */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head += 1;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail += 1;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const same = (lines: string[]) => lines.map((text): DiffLine => ({ kind: 'same', text }));

  let middle: DiffLine[];
  if ((midA.length + 1) * (midB.length + 1) > MAX_CELLS) {
    middle = [...midA.map((text): DiffLine => ({ kind: 'removed', text })), ...midB.map((text): DiffLine => ({ kind: 'added', text }))];
  } else {
    const width = midB.length + 1;
    const table = new Uint32Array((midA.length + 1) * width);
    for (let i = midA.length - 1; i >= 0; i -= 1) {
      for (let j = midB.length - 1; j >= 0; j -= 1) {
        table[i * width + j] = midA[i] === midB[j] ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
      }
    }
    middle = [];
    let i = 0;
    let j = 0;
    while (i < midA.length && j < midB.length) {
      if (midA[i] === midB[j]) {
        middle.push({ kind: 'same', text: midA[i]! });
        i += 1;
        j += 1;
      } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) {
        middle.push({ kind: 'removed', text: midA[i]! });
        i += 1;
      } else {
        middle.push({ kind: 'added', text: midB[j]! });
        j += 1;
      }
    }
    while (i < midA.length) middle.push({ kind: 'removed', text: midA[i++]! });
    while (j < midB.length) middle.push({ kind: 'added', text: midB[j++]! });
  }
  return [...same(a.slice(0, head)), ...middle, ...same(a.slice(a.length - tail))];
}
