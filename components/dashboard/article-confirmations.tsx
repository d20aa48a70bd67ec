import { deleteArticleAction, unpublishArticleAction } from '@/actions/articles';
import { formatDateTime } from '@/lib/format';

import { ConfirmDialog, ConfirmForm } from './confirm';

type Story = { id: number; version: number; headline: string; state: 'draft' | 'in_review' | 'scheduled' | 'published' | 'expired'; publishedAt: string | null; publicPath: string | null };

/** What readers have of the story now, in the words the confirmations use. */
function readersNow(story: Story, timeZone: string): string {
  if (story.state === 'published') return `Readers get “Page not found” (404) at ${story.publicPath} at once, and it leaves the front page, its section, tag and author pages, search and the feeds.`;
  if (story.state === 'scheduled' && story.publishedAt) return `It was scheduled to go live ${formatDateTime(story.publishedAt, timeZone)}; it will not.`;
  return 'Readers cannot see it now.';
}

/**
 * The story workspace's confirmations (?confirm=unpublish or delete, ADR 0016). Only an editor (mayPublish) gets them,
 * and Unpublish only for a story that is, was or will be on the site; the actions check both again.
 */
export function ArticleConfirmation({ confirm, story, mayPublish, timeZone }: { confirm: string | undefined; story: Story; mayPublish: boolean; timeZone: string }) {
  if (!mayPublish) return null;
  const cancelHref = `/dashboard/articles/${story.id}`;
  const ids = { id: String(story.id), version: String(story.version) };
  if (confirm === 'unpublish' && (story.state === 'published' || story.state === 'scheduled' || story.state === 'expired')) {
    return (
      <ConfirmDialog title={`Unpublish “${story.headline}”?`} cancelHref={cancelHref}>
        <p>{readersNow(story, timeZone)}</p>
        <p>The story goes back to draft with its history, notes and comments; you can publish it again.</p>
        <ConfirmForm action={unpublishArticleAction} fields={ids} confirmLabel="Yes, unpublish" cancelHref={cancelHref} />
      </ConfirmDialog>
    );
  }
  if (confirm === 'delete') {
    return (
      <ConfirmDialog title={`Delete “${story.headline}” for good?`} cancelHref={cancelHref}>
        <p>{readersNow(story, timeZone)}</p>
        <p>
          <strong>The story, every saved version, its notes and all its comments are deleted. This cannot be undone.</strong> To take it off the site and keep it, unpublish it instead.
        </p>
        <ConfirmForm action={deleteArticleAction} fields={{ ...ids, confirm: 'yes' }} confirmLabel="Yes, delete for good" cancelHref={cancelHref} />
      </ConfirmDialog>
    );
  }
  return null;
}
