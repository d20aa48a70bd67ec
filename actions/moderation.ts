'use server';

import { refresh, updateTag } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';

import { MODERATION_TABS, moderateComments, setCommentsClosed, suspendCommenter } from '@/data/moderation';
import type { Viewer } from '@/data/viewer';
import { cacheTags } from '@/lib/cache-tags';
import { BAN_UNTIL } from '@/lib/comment-standing';
import { pageHref } from '@/lib/confirm-href';
import { ForbiddenError, InvalidInputError, NotFoundError } from '@/lib/errors';
import { formText } from '@/lib/form-data';
import { MODERATION_DECISIONS, SUSPENSION_CHOICES, decisionMessage, suspensionMessage } from '@/lib/moderation-decisions';
import { parseSerialId } from '@/lib/query-params';
import type { ActionResult } from '@/lib/action-result';
import { serialId } from '@/lib/validation/common';

import { accept, formActionsOf, refusal, reject } from './define';

/** Failures say why in `formError`; `notice` says what was done. */
export type ModerationResult = ActionResult<{ notice?: string }>;

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

type Command =
  | { kind: 'comments'; articleId: number; closed: boolean }
  | { kind: 'suspend'; userId: string; length: keyof typeof SUSPENSIONS }
  | { kind: 'decide'; decision: (typeof MODERATION_DECISIONS)[number]; ids: number[] };

function parseCommand(formData: FormData) {
  const intent = intentSchema.safeParse(formText(formData, 'intent'));
  if (!intent.success) return reject({ formError: 'Choose what to do.' });
  const [verb, target, extra] = intent.data.split(':') as [string, string | undefined, string | undefined];
  if (verb === 'close' || verb === 'reopen') return accept<Command>({ kind: 'comments', articleId: Number(target), closed: verb === 'close' });
  if (verb === 'suspend') return accept<Command>({ kind: 'suspend', userId: target!, length: extra as keyof typeof SUSPENSIONS });
  const decision = z.enum(MODERATION_DECISIONS).safeParse(verb === 'bulk' ? formData.get('decision') : verb);
  if (!decision.success) return reject({ formError: 'Choose what to do with the selected comments.' });
  const ids = z.array(commentId).safeParse(verb === 'bulk' ? formData.getAll('commentId') : [target]);
  if (!ids.success || ids.data.length === 0) return reject({ formError: 'Tick at least one comment.' });
  return accept<Command>({ kind: 'decide', decision: decision.data, ids: ids.data });
}

/**
 * What was done: the message, the stories whose comment caches to touch, whether only the moderator's own queue must
 * render again, and the same as query parameters for the queue's address after a confirmation.
 */
type Done = { message: string; articleIds: number[]; refreshQueue?: boolean; query?: Record<string, string | number> };

async function carryOut(viewer: Viewer, command: Command): Promise<Done> {
  if (command.kind === 'comments') {
    await setCommentsClosed(viewer, command.articleId, command.closed);
    return { message: command.closed ? 'Comments on that story are closed.' : 'Comments on that story are open again.', articleIds: [command.articleId] };
  }
  if (command.kind === 'suspend') {
    const choice = SUSPENSIONS[command.length];
    const until = choice === null ? BAN_UNTIL : choice === 0 ? null : new Date(Date.now() + choice * 86_400_000);
    await suspendCommenter(viewer, command.userId, until);
    return { message: suspensionMessage(command.length), articleIds: [], refreshQueue: true, query: { done: 'suspend', length: command.length } };
  }
  const result = await moderateComments(viewer, command.ids, command.decision);
  const counts = { total: result.total, changed: result.changed, kept: result.kept };
  return { message: decisionMessage(command.decision, counts), articleIds: result.articleIds, query: { done: command.decision, ...counts } };
}

const NOT_ALLOWED = 'You do not have permission to moderate.';

/**
 * Editors and admins (comment:moderate): approve, reject, delete, feature; close or reopen a story; suspend a reader.
 * Destructive decisions and every bulk decision come from the queue's confirmation dialog (ADR 0016), which sends
 * `confirmed` with the queue's tab and page: then the answer is a redirect back to the queue, which reads what was done
 * from its address (with or without JavaScript). The queue's own buttons get the notice as the result.
 */
export const moderateAction = formActionsOf<ModerationResult>()({
  name: 'moderateAction',
  caller: 'comment:moderate',
  refused: () => ({ formError: NOT_ALLOWED }),
  parse: parseCommand,
  run: carryOut,
  refusals: [
    refusal(ForbiddenError, () => ({ formError: NOT_ALLOWED })),
    refusal(NotFoundError, () => ({ formError: 'That comment, story or reader no longer exists.' })),
    // The data layer's rule is written for the moderator (data/moderation.ts).
    refusal(InvalidInputError, (error) => ({ formError: error.message })),
  ],
  done: (done, _command, formData) => {
    for (const articleId of done.articleIds) updateTag(cacheTags.comments(articleId));
    // Nothing shared shows a reader's standing (their own pages read it per request): only the queue in front of the
    // moderator is rendered again, so it says "banned" and offers to lift it at once.
    if (done.refreshQueue) refresh();
    // Closing and reopening are the queue's own buttons: never confirmed, never redirected.
    if (!done.query || formData.get('confirmed') !== 'yes') return { ok: true, notice: done.message };
    const tab = MODERATION_TABS.find((candidate) => candidate === formData.get('tab'));
    const page = parseSerialId(formText(formData, 'page'));
    redirect(pageHref('/dashboard/comments', { tab: tab === 'pending' ? undefined : tab, page: page && page > 1 ? page : undefined, ...done.query }));
  },
});
