import { describe, expect, it } from 'vitest';

import { decisionEffect, decisionMessage, doneMessage, suspensionMessage } from './moderation-decisions';

describe('doneMessage', () => {
  it('reads a confirmed decision back from the address', () => {
    expect(doneMessage({ done: 'reject', total: '1', changed: '1', kept: '0' })).toBe('The comment was rejected.');
    expect(doneMessage({ done: 'delete', total: '3', changed: '2', kept: '0' })).toBe('2 comments were deleted. 1 comment was already deleted.');
    expect(doneMessage({ done: 'approve', total: '2', changed: '1', kept: '1' })).toBe(decisionMessage('approve', { total: 2, changed: 1, kept: 1 }));
  });
  it('reads suspensions and bans', () => {
    expect(doneMessage({ done: 'suspend', length: 'ban' })).toBe('The reader is banned from commenting.');
    expect(doneMessage({ done: 'suspend', length: '7' })).toBe(suspensionMessage('7'));
    expect(doneMessage({ done: 'suspend', length: 'lift' })).toBe('The reader may comment again.');
  });
  it('says nothing for anything it does not know or that does not add up', () => {
    expect(doneMessage({})).toBeUndefined();
    expect(doneMessage({ done: 'explode', total: '1', changed: '1', kept: '0' })).toBeUndefined();
    expect(doneMessage({ done: 'reject', total: '1', changed: '2', kept: '0' })).toBeUndefined();
    expect(doneMessage({ done: 'reject', total: '<b>', changed: '1', kept: '0' })).toBeUndefined();
    expect(doneMessage({ done: 'suspend', length: '365' })).toBeUndefined();
  });
});

describe('decisionEffect', () => {
  it('speaks of one comment or several', () => {
    expect(decisionEffect('reject', 1)).toMatch(/^It is taken off its story for readers at once/);
    expect(decisionEffect('delete', 3)).toMatch(/^They are taken off their stories for readers at once/);
    expect(decisionEffect('delete', 3)).toContain('you can approve them again later');
  });
});
