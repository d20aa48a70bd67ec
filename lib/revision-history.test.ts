import { describe, expect, it } from 'vitest';

import { unlistedVersions, unlistedVersionsNote, versionList } from './revision-history';

describe('the versions a story’s history cannot list', () => {
  it('are the workflow steps between and after the saves', () => {
    // Created (1), published (2), saved twice (3, 4): the History page used to show 4, 3, 1 and nothing about 2.
    expect(unlistedVersions([4, 3, 1], 4)).toEqual({ beforeHistory: [], workflowSteps: [2] });
    // …then "Publish changes" (5).
    expect(unlistedVersions([4, 3, 1], 5)).toEqual({ beforeHistory: [], workflowSteps: [2, 5] });
    // Every version a save: nothing to explain.
    expect(unlistedVersions([3, 2, 1], 3)).toEqual({ beforeHistory: [], workflowSteps: [] });
    expect(unlistedVersionsNote(unlistedVersions([3, 2, 1], 3))).toBeNull();
  });

  it('are older than the first revision for a story written before revisions were kept', () => {
    // A demo story at version 3 saved once (4), then submitted (5) and saved again (6).
    expect(unlistedVersions([6, 4], 6)).toEqual({ beforeHistory: [1, 2, 3], workflowSteps: [5] });
  });

  it('are named, runs shortened, with the reason', () => {
    expect(versionList([2])).toBe('2');
    expect(versionList([9, 2, 3, 4, 6])).toBe('2–4, 6 and 9');
    expect(versionList([2, 3])).toBe('2–3');
    expect(unlistedVersionsNote({ beforeHistory: [], workflowSteps: [2] })).toBe(
      'Version 2 is not listed: submitting for review, scheduling, publishing and unpublishing each count as a version but change no text, so they keep no revision. Every save is listed.',
    );
    expect(unlistedVersionsNote({ beforeHistory: [1, 2, 3], workflowSteps: [5, 7] })).toBe(
      'Versions 1–3 are not listed: this story was written before revisions were kept. Versions 5 and 7 are not listed: submitting for review, scheduling, publishing and unpublishing each count as a version but change no text, so they keep no revision. Every save is listed.',
    );
  });
});
