/**
 * The moderation queue's words, shared by the action (its answer with JavaScript), the queue page (the answer after a
 * confirmed decision, which redirects, with or without JavaScript) and the confirmation dialogs.
 */

export const MODERATION_DECISIONS = ['approve', 'reject', 'delete', 'feature', 'unfeature'] as const;
export type ModerationDecision = (typeof MODERATION_DECISIONS)[number];

/**
 * What a decision did: `total` comments asked about, `changed` of them now approved, rejected, deleted, featured or
 * un-featured, and `kept`: published comments an approval left as they were but whose open reports it dismissed
 * (the queue's "Keep (dismiss reports)"). The rest were already as asked.
 */
export type DecisionCounts = { total: number; changed: number; kept: number };

/** How long a reader is kept from commenting: days, a ban, or lifting either. */
export const SUSPENSION_CHOICES = ['1', '7', '30', 'ban', 'lift'] as const;
export type SuspensionChoice = (typeof SUSPENSION_CHOICES)[number];

/** What happened to the comments a decision changed. */
const PAST: Record<ModerationDecision, string> = {
  approve: 'approved',
  reject: 'rejected',
  delete: 'deleted',
  feature: 'featured',
  unfeature: 'taken off the featured list',
};

/** Comments the decision found as asked already (an approval of a published comment with no open report, …). */
const ALREADY: Record<ModerationDecision, string> = {
  approve: 'already published, with no open reports',
  reject: 'already rejected',
  delete: 'already deleted',
  feature: 'already featured',
  unfeature: 'not featured',
};

/**
 * The confirmation: what was done to each comment, never more. "Keep (dismiss reports)" is an approval of a
 * published comment, which only dismisses its reports.
 */
export function decisionMessage(decision: ModerationDecision, { total, changed, kept }: DecisionCounts): string {
  const subject = (count: number) => (total === 1 ? 'The comment was' : count === 1 ? '1 comment was' : `${count} comments were`);
  const sentences: string[] = [];
  if (changed > 0) sentences.push(`${subject(changed)} ${PAST[decision]}.`);
  if (kept > 0) {
    sentences.push(
      total === 1 ? 'The reports were dismissed; the comment stays up.' : `The reports on ${kept === 1 ? '1 comment were dismissed; it stays' : `${kept} comments were dismissed; they stay`} up.`,
    );
  }
  const untouched = total - changed - kept;
  if (untouched > 0) sentences.push(`${subject(untouched)} ${ALREADY[decision]}.`);
  return sentences.join(' ');
}

/** The answer to a suspension, ban or lift. */
export function suspensionMessage(choice: SuspensionChoice): string {
  if (choice === 'lift') return 'The reader may comment again.';
  if (choice === 'ban') return 'The reader is banned from commenting.';
  const days = Number(choice);
  return `The reader is suspended from commenting for ${days} ${days === 1 ? 'day' : 'days'}.`;
}

/** The button and dialog words for each decision asked of one or more comments. */
export const DECISION_VERBS: Record<ModerationDecision, { label: string; confirm: string }> = {
  approve: { label: 'Approve', confirm: 'Yes, approve' },
  reject: { label: 'Reject', confirm: 'Yes, reject' },
  delete: { label: 'Delete', confirm: 'Yes, delete' },
  feature: { label: 'Feature', confirm: 'Yes, feature' },
  unfeature: { label: 'Stop featuring', confirm: 'Yes, stop featuring' },
};

/** Exactly what a decision does to readers' view of `count` comments (the confirmation's text). */
export function decisionEffect(decision: ModerationDecision, count: number): string {
  const one = count === 1;
  const [they, are, them, their] = one ? ['It', 'is', 'it', 'its'] : ['They', 'are', 'them', 'their'];
  switch (decision) {
    case 'approve':
      return `${they} ${one ? 'appears' : 'appear'} under ${their} ${one ? 'story' : 'stories'} for every reader at once, and any open reports on ${them} are closed.`;
    case 'reject':
      return `${they} ${are} taken off ${their} ${one ? 'story' : 'stories'} for readers at once and any open reports are closed. You can approve ${them} again later from the All tab.`;
    case 'delete':
      return `${they} ${are} taken off ${their} ${one ? 'story' : 'stories'} for readers at once (a deleted comment with replies leaves “This comment was deleted.” in its place) and any open reports are closed. The text is kept: you can approve ${them} again later from the All tab.`;
    case 'feature':
      return `${they} ${one ? 'is' : 'are'} shown among the featured comments at the top of ${their} ${one ? 'story’s discussion' : 'stories’ discussions'}.`;
    case 'unfeature':
      return `${they} ${one ? 'leaves' : 'leave'} the featured comments and ${one ? 'stays' : 'stay'} up.`;
  }
}

/** The queue's answer after a redirect: `done=…` and its counts, read back from the address (numbers only). */
export function doneMessage(params: Record<string, string | string[] | undefined>): string | undefined {
  const one = (key: string) => (typeof params[key] === 'string' ? (params[key] as string) : undefined);
  const count = (key: string) => {
    const value = one(key);
    return value && /^[0-9]{1,4}$/.test(value) ? Number(value) : NaN;
  };
  const done = one('done');
  if (done === 'suspend') {
    const choice = SUSPENSION_CHOICES.find((candidate) => candidate === one('length'));
    return choice ? suspensionMessage(choice) : undefined;
  }
  const decision = MODERATION_DECISIONS.find((candidate) => candidate === done);
  if (!decision) return undefined;
  const counts = { total: count('total'), changed: count('changed'), kept: count('kept') };
  if (Object.values(counts).some(Number.isNaN) || counts.total === 0 || counts.changed + counts.kept > counts.total) return undefined;
  return decisionMessage(decision, counts);
}
