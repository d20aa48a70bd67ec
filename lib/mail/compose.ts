import { escapeHtml } from '@/lib/html';

/** A message's content in blocks; composeMail makes the plain-text part and the HTML part from the same blocks. */
export type MailBlock = { paragraph: string } | { link: { label: string; url: string } } | { quote: string };

export type MailContent = {
  /** The site's name, shown at the top of both parts. */
  siteName: string;
  heading: string;
  blocks: MailBlock[];
  /** Why the reader gets this message, and how to stop it (notification and bulk mail). */
  footer?: string;
  unsubscribeUrl?: string;
};

function textOf(block: MailBlock): string {
  if ('paragraph' in block) return block.paragraph;
  if ('quote' in block) return block.quote.split('\n').map((line) => `> ${line}`).join('\n');
  return `${block.link.label}:\n${block.link.url}`;
}

function htmlOf(block: MailBlock): string {
  if ('paragraph' in block) return `<p style="margin:0 0 16px">${escapeHtml(block.paragraph)}</p>`;
  if ('quote' in block) return `<blockquote style="margin:0 0 16px;padding-left:12px;border-left:3px solid #ccc;color:#444">${escapeHtml(block.quote).replace(/\n/g, '<br>')}</blockquote>`;
  return `<p style="margin:0 0 16px"><a href="${escapeHtml(block.link.url)}" style="color:#0b57d0">${escapeHtml(block.link.label)}</a></p>`;
}

/** The plain-text and HTML parts of one message, built from the same content (no user text is ever HTML). */
export function composeMail(content: MailContent): { text: string; html: string } {
  const footerText = [content.footer, content.unsubscribeUrl ? `Unsubscribe: ${content.unsubscribeUrl}` : undefined].filter(Boolean).join('\n');
  const text = [content.siteName, '', content.heading, '', ...content.blocks.map(textOf).flatMap((part) => [part, '']), ...(footerText ? ['--', footerText] : [])].join('\n').trimEnd() + '\n';
  const footerHtml = [
    content.footer ? escapeHtml(content.footer) : '',
    content.unsubscribeUrl ? `<a href="${escapeHtml(content.unsubscribeUrl)}" style="color:#555">Unsubscribe</a>` : '',
  ]
    .filter(Boolean)
    .join('<br>');
  const html = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
    `<title>${escapeHtml(content.heading)}</title></head>`,
    '<body style="margin:0;padding:24px;background:#f6f6f4;font-family:Georgia,serif;color:#1a1a1a;line-height:1.5">',
    '<div style="max-width:560px;margin:0 auto;background:#fff;padding:24px">',
    `<p style="margin:0 0 8px;font-weight:bold">${escapeHtml(content.siteName)}</p>`,
    `<h1 style="font-size:22px;margin:0 0 16px">${escapeHtml(content.heading)}</h1>`,
    ...content.blocks.map(htmlOf),
    footerHtml ? `<hr style="border:0;border-top:1px solid #ddd;margin:24px 0 12px"><p style="font-size:13px;color:#555;margin:0">${footerHtml}</p>` : '',
    '</div></body></html>',
  ].join('');
  return { text, html };
}
