import type { ArticleCard } from '@/lib/dto';
import { composeMail, type MailBlock } from '@/lib/mail/compose';
import { listUnsubscribeHeaders } from '@/lib/mail/list-tokens';

export type IssueContent = { subject: string; intro: string; listName: string; stories: readonly ArticleCard[] };

/**
 * The intro's Markdown as the message's paragraphs: a paragraph per blank-line-separated block, kept as typed (mail
 * bodies never carry an editor's HTML; Markdown reads well as plain text, and composeMail escapes it for the HTML part).
 */
function introBlocks(intro: string): MailBlock[] {
  return intro
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0)
    .map((paragraph) => ({ paragraph }));
}

function storyBlocks(story: ArticleCard, siteUrl: string): MailBlock[] {
  const link: MailBlock = { link: { label: story.headline, url: new URL(`/${story.section.slug}/${story.slug}`, siteUrl).toString() } };
  return story.dek ? [link, { paragraph: story.dek }] : [link];
}

/** One issue's message for one subscriber: the same parts for everyone but the unsubscribe link. */
export function newsletterBody(content: IssueContent, options: { siteName: string; siteUrl: string; unsubscribeUrl: string }): { text: string; html: string; headers: Record<string, string> } {
  const stories = content.stories.flatMap((story) => storyBlocks(story, options.siteUrl));
  const body = composeMail({
    siteName: options.siteName,
    heading: content.subject,
    blocks: [...introBlocks(content.intro), ...(stories.length > 0 ? stories : [{ paragraph: 'No new stories this time.' }])],
    footer: `You get ${content.listName} because you subscribed to it.`,
    unsubscribeUrl: options.unsubscribeUrl,
  });
  return { ...body, headers: listUnsubscribeHeaders(options.unsubscribeUrl) };
}
