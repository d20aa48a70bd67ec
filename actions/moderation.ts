'use server';

import { refresh, updateTag } from 'next/cache';
import { z } from 'zod';

import { MODERATION_DECISIONS, moderateComments, setCommentsClosed, suspendCommenter, type ModerationDecision, type ModerationOutcome } from '@/data/moderation';
import { authorize } from '@/data/viewer';
import { cacheTags } from '@/lib/cache-tags';
import { BAN_UNTIL } from '@/lib/comment-standing';
import { ForbiddenError, InvalidInputError, NotFoundError } from '@/lib/errors';
import { formText } from '@/lib/form-data';

export type ModerationResult = { ok: boolean; message?: string };

const commentId = z.coerce.number().int().positive().max(2_147_483_647);
const SUSPENSIONS = { '1': 1, '7': 7, '30': 30, ban: null, lift: 0 } as const;

/**
 * What the pressed button asks for. One form holds the whole queue so it works without JavaScript: a row's button
 * says "approve:123", the bulk button "bulk" (with the ticked rows and the chosen decision).
 */
const intentSchema = z.union([
  z.templateLiteral([z.enum(MODERATION_DECISIONS), ':', z.number().int().positive()]),
  z.literal('bulk'),
  z.templateLiteral([z.enum(['close', 'reopen']), ':', z.number().int().positive()]),
  z.templateLiteral(['suspend:', z.string().regex(/^[0-9a-f-]{36}$/), ':', z.enum(['1', '7', '30', 'ban', 'lift'])]),
]);

/** Editors and admins (comment:moderate): approve, reject, delete, feature; close or reopen a story; suspend a reader. */
export async function moderateAction(_previous: ModerationResult, formData: FormData): Promise<ModerationResult> {
  const intent = intentSchema.safeParse(formText(formData, 'intent'));
  if (!intent.success) return { ok: false, message: 'Choose what to do.' };
  const [verb, target, extra] = intent.data.split(':') as [string, string | undefined, string | undefined];
  try {
    const viewer = await authorize('comment:moderate');
    if (verb === 'close' || verb === 'reopen') {
      const articleId = Number(target);
      await setCommentsClosed(viewer, articleId, verb === 'close');
      updateTag(cacheTags.comments(articleId));
      return { ok: true, message: verb === 'close' ? 'Comments on that story are closed.' : 'Comments on that story are open again.' };
    }
    if (verb === 'suspend') {
      const choice = SUSPENSIONS[extra as keyof typeof SUSPENSIONS];
      const until = choice === null ? BAN_UNTIL : choice === 0 ? null : new Date(Date.now() + choice * 86_400_000);
      await suspendCommenter(viewer, target!, until);
      // Nothing shared shows a reader's standing (their own pages read it per request): only the queue in front of
      // the moderator is rendered again, so it says "banned" and offers to lift it at once.
      refresh();
      return { ok: true, message: until === null ? 'The reader may comment again.' : choice === null ? 'The reader is banned from commenting.' : `The reader is suspended from commenting for ${choice} ${choice === 1 ? 'day' : 'days'}.` };
    }
    const decision = z.enum(MODERATION_DECISIONS).safeParse(verb === 'bulk' ? formData.get('decision') : verb);
    if (!decision.success) return { ok: false, message: 'Choose what to do with the selected comments.' };
    const ids = verb === 'bulk' ? z.array(commentId).safeParse(formData.getAll('commentId')) : z.array(commentId).safeParse([target]);
    if (!ids.success || ids.data.length === 0) return { ok: false, message: 'Tick at least one comment.' };
    const result = await moderateComments(viewer, ids.data, decision.data);
    for (const articleId of result.articleIds) updateTag(cacheTags.comments(articleId));
    return { ok: true, message: decisionMessage(decision.data, result) };
  } catch (error) {
    if (error instanceof ForbiddenError) return { ok: false, message: 'You do not have permission to moderate.' };
    if (error instanceof NotFoundError) return { ok: false, message: 'That comment, story or reader no longer exists.' };
    if (error instanceof InvalidInputError) return { ok: false, message: error.message };
    console.error('moderation failed', error);
    throw error;
  }
}

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
function decisionMessage(decision: ModerationDecision, { total, changed, kept }: ModerationOutcome): string {
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
