'use server';

import { refresh, updateTag } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';

import { MODERATION_TABS, moderateComments, setCommentsClosed, suspendCommenter } from '@/data/moderation';
import { authorize } from '@/data/viewer';
import { cacheTags } from '@/lib/cache-tags';
import { BAN_UNTIL } from '@/lib/comment-standing';
import { pageHref } from '@/lib/confirm-href';
import { ForbiddenError, InvalidInputError, NotFoundError } from '@/lib/errors';
import { formText } from '@/lib/form-data';
import { MODERATION_DECISIONS, SUSPENSION_CHOICES, decisionMessage, suspensionMessage } from '@/lib/moderation-decisions';
import { parseSerialId } from '@/lib/query-params';
import { serialId } from '@/lib/validation/common';

export type ModerationResult = { ok: boolean; message?: string };

const commentId = serialId();
const SUSPENSIONS = { '1': 1, '7': 7, '30': 30, ban: null, lift: 0 } as const;

/**
 * What the pressed button asks for. One form holds the whole queue so it works without JavaScript: a row's button
 * says "approve:123", the bulk button "bulk" (with the ticked rows and the chosen decision).
 */
const intentSchema = z.union([
  z.templateLiteral([z.enum(MODERATION_DECISIONS), ':', z.number().int().positive()]),
  z.literal('bulk'),
  z.templateLiteral([z.enum(['close', 'reopen']), ':', z.number().int().positive()]),
  z.templateLiteral(['suspend:', z.string().regex(/^[0-9a-f-]{36}$/), ':', z.enum(SUSPENSION_CHOICES)]),
]);

/** What was done: the message, and the same as query parameters for the queue's address after a confirmation. */
type Done = { message: string; query: Record<string, string | number> };

/**
 * Editors and admins (comment:moderate): approve, reject, delete, feature; close or reopen a story; suspend a reader.
 * Destructive decisions and every bulk decision come from the queue's confirmation dialog (ADR 0016), which sends
 * `confirmed` with the queue's tab and page: then the answer is a redirect back to the queue, which reads what was done
 * from its address (with or without JavaScript). The queue's own buttons get the message as the result.
 */
export async function moderateAction(_previous: ModerationResult, formData: FormData): Promise<ModerationResult> {
  const intent = intentSchema.safeParse(formText(formData, 'intent'));
  if (!intent.success) return { ok: false, message: 'Choose what to do.' };
  const [verb, target, extra] = intent.data.split(':') as [string, string | undefined, string | undefined];
  let done: Done;
  try {
    const viewer = await authorize('comment:moderate');
    if (verb === 'close' || verb === 'reopen') {
      const articleId = Number(target);
      await setCommentsClosed(viewer, articleId, verb === 'close');
      updateTag(cacheTags.comments(articleId));
      return { ok: true, message: verb === 'close' ? 'Comments on that story are closed.' : 'Comments on that story are open again.' };
    }
    if (verb === 'suspend') {
      const length = extra as keyof typeof SUSPENSIONS;
      const choice = SUSPENSIONS[length];
      const until = choice === null ? BAN_UNTIL : choice === 0 ? null : new Date(Date.now() + choice * 86_400_000);
      await suspendCommenter(viewer, target!, until);
      // Nothing shared shows a reader's standing (their own pages read it per request): only the queue in front of
      // the moderator is rendered again, so it says "banned" and offers to lift it at once.
      refresh();
      done = { message: suspensionMessage(length), query: { done: 'suspend', length } };
    } else {
      const decision = z.enum(MODERATION_DECISIONS).safeParse(verb === 'bulk' ? formData.get('decision') : verb);
      if (!decision.success) return { ok: false, message: 'Choose what to do with the selected comments.' };
      const ids = verb === 'bulk' ? z.array(commentId).safeParse(formData.getAll('commentId')) : z.array(commentId).safeParse([target]);
      if (!ids.success || ids.data.length === 0) return { ok: false, message: 'Tick at least one comment.' };
      const result = await moderateComments(viewer, ids.data, decision.data);
      for (const articleId of result.articleIds) updateTag(cacheTags.comments(articleId));
      const counts = { total: result.total, changed: result.changed, kept: result.kept };
      done = { message: decisionMessage(decision.data, counts), query: { done: decision.data, ...counts } };
    }
  } catch (error) {
    if (error instanceof ForbiddenError) return { ok: false, message: 'You do not have permission to moderate.' };
    if (error instanceof NotFoundError) return { ok: false, message: 'That comment, story or reader no longer exists.' };
    if (error instanceof InvalidInputError) return { ok: false, message: error.message };
    console.error('moderation failed', error);
    throw error;
  }
  if (formData.get('confirmed') !== 'yes') return { ok: true, message: done.message };
  const tab = MODERATION_TABS.find((candidate) => candidate === formData.get('tab'));
  const page = parseSerialId(formText(formData, 'page'));
  redirect(pageHref('/dashboard/comments', { tab: tab === 'pending' ? undefined : tab, page: page && page > 1 ? page : undefined, ...done.query }));
}
