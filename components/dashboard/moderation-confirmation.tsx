import { moderateAction } from '@/actions/moderation';
import formStyles from '@/components/ui/form.module.css';
import type { QueueItem } from '@/data/moderation';
import { pageHref } from '@/lib/confirm-href';
import { formatDateTime } from '@/lib/format';
import { DECISION_VERBS, MODERATION_DECISIONS, decisionEffect } from '@/lib/moderation-decisions';

import { ConfirmDialog, ConfirmForm } from './confirm';
import styles from './confirm.module.css';

const PATH = '/dashboard/comments';
/** As many comments as one queue page holds: more in an address is not from the queue. */
const MAX_IDS = 100;

function excerpt(body: string): string {
  const text = body.replace(/\s+/g, ' ').trim();
  return text.length > 120 ? `${text.slice(0, 120).trimEnd()}…` : text;
}

type Params = { confirm?: string; commentIds: number[]; user?: string; tab: string; page: number };

/**
 * The queue's confirmations (ADR 0016): a decision on the ticked or one comment (?confirm=reject&commentId=…, every
 * bulk decision), a 7-day suspension or a ban (?confirm=suspend|ban&user=…). Each names the comments or the reader
 * and says what readers will see; the form sends the queue's own intent with `confirmed`, and the action redirects
 * back to the queue with what it did.
 */
export function ModerationConfirmation({ params, items, timeZone }: { params: Params; items: QueueItem[]; timeZone: string }) {
  const where = { tab: params.tab === 'pending' ? undefined : params.tab, page: params.page > 1 ? params.page : undefined };
  const cancelHref = pageHref(PATH, where);
  const back = { confirmed: 'yes', tab: params.tab, page: String(params.page) };
  const decision = MODERATION_DECISIONS.find((candidate) => candidate === params.confirm);
  if (decision) {
    const ids = [...new Set(params.commentIds)].slice(0, MAX_IDS);
    if (ids.length === 0) {
      return (
        <p className={formStyles.formError} role="alert">
          Tick at least one comment, then choose what to do with them. Nothing was changed.
        </p>
      );
    }
    const shown = items.filter((item) => ids.includes(item.id));
    const verb = DECISION_VERBS[decision];
    const title = ids.length === 1 && shown[0] ? `${verb.label} ${shown[0].author.name}’s comment?` : `${verb.label} ${ids.length} ${ids.length === 1 ? 'comment' : 'comments'}?`;
    return (
      <ConfirmDialog title={title} cancelHref={cancelHref}>
        <ul className={styles.list} aria-label="Comments">
          {shown.map((item) => (
            <li key={item.id}>
              <strong>{item.author.name}</strong> on “{item.article.headline}”: <span className={styles.quote}>{excerpt(item.body)}</span>
            </li>
          ))}
        </ul>
        <p>{decisionEffect(decision, ids.length)}</p>
        <ConfirmForm action={moderateAction} fields={{ ...back, intent: 'bulk', decision, commentId: ids.map(String) }} confirmLabel={verb.confirm} cancelHref={cancelHref} />
      </ConfirmDialog>
    );
  }
  if ((params.confirm === 'ban' || params.confirm === 'suspend') && params.user) {
    const author = items.find((item) => item.author.id === params.user)?.author;
    if (!author || author.role !== 'reader') return null;
    const isBan = params.confirm === 'ban';
    const until = formatDateTime(new Date(Date.now() + 7 * 86_400_000).toISOString(), timeZone);
    return (
      <ConfirmDialog title={isBan ? `Ban ${author.name} from commenting?` : `Suspend ${author.name} from commenting for 7 days?`} cancelHref={cancelHref}>
        <p>
          {isBan ? 'Until a moderator lifts the ban' : `Until about ${until}`}, they can still sign in and read, but a notice stands where the comment and reply forms were, and nothing they post
          is accepted. Their comments already published ({author.approved}) stay up; decide on those one by one.
        </p>
        <ConfirmForm action={moderateAction} fields={{ ...back, intent: `suspend:${author.id}:${isBan ? 'ban' : '7'}` }} confirmLabel={isBan ? `Yes, ban ${author.name}` : `Yes, suspend ${author.name}`} cancelHref={cancelHref} />
      </ConfirmDialog>
    );
  }
  return null;
}
