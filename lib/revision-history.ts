/**
 * A story's version goes up at every save and at every workflow step (submitted for review, scheduled, published,
 * unpublished); only a save keeps a revision (docs/adr/0007). The history page lists revisions, so it names the
 * versions it cannot list and why, rather than leave gaps that read as lost work.
 */
export type UnlistedVersions = {
  /** Below the story's first revision: it was written before revisions were kept. */
  beforeHistory: number[];
  /** Between and after the revisions: workflow steps, which change no text and so keep no revision. */
  workflowSteps: number[];
};

/** The versions from 1 to the story's current one that have no revision, by why. */
export function unlistedVersions(revisionVersions: readonly number[], currentVersion: number): UnlistedVersions {
  const listed = new Set(revisionVersions);
  const first = listed.size ? Math.min(...listed) : currentVersion + 1;
  const last = Math.max(currentVersion, ...listed);
  const beforeHistory: number[] = [];
  const workflowSteps: number[] = [];
  for (let version = 1; version <= last; version += 1) {
    if (listed.has(version)) continue;
    (version < first ? beforeHistory : workflowSteps).push(version);
  }
  return { beforeHistory, workflowSteps };
}

/** Ascending version numbers in words, runs shortened: [2, 3, 4, 6, 9] → "2–4, 6 and 9". */
export function versionList(versions: readonly number[]): string {
  const runs: string[] = [];
  const sorted = [...versions].sort((a, b) => a - b);
  for (let start = 0; start < sorted.length; ) {
    let end = start;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end]! + 1) end += 1;
    runs.push(end === start ? String(sorted[start]) : `${sorted[start]}–${sorted[end]}`);
    start = end + 1;
  }
  return runs.length > 1 ? `${runs.slice(0, -1).join(', ')} and ${runs.at(-1)}` : (runs[0] ?? '');
}

const versions = (list: readonly number[]) => (list.length === 1 ? `Version ${versionList(list)} is` : `Versions ${versionList(list)} are`);

/** What the history page says about the versions it cannot list; null when every version is a revision. */
export function unlistedVersionsNote({ beforeHistory, workflowSteps }: UnlistedVersions): string | null {
  const sentences: string[] = [];
  if (beforeHistory.length) sentences.push(`${versions(beforeHistory)} not listed: this story was written before revisions were kept.`);
  if (workflowSteps.length) {
    sentences.push(
      `${versions(workflowSteps)} not listed: submitting for review, scheduling, publishing and unpublishing each count as a version but change no text, so they keep no revision. Every save is listed.`,
    );
  }
  return sentences.length ? sentences.join(' ') : null;
}
