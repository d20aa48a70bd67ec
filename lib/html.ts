const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** Markers PostgreSQL's ts_headline puts around matches: characters no article contains (they are stripped). */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_STOP = '\u0003';

/**
 * Turns a ts_headline fragment into safe HTML: everything escaped, then only our own markers become <mark>.
 * Markup in the article text, or in the query, stays text.
 */
export function highlightToHtml(fragment: string): string {
  const escaped = escapeHtml(fragment.replace(/[\u0000\u0001\u0004-\u0008\u000b\u000c\u000e-\u001f]/g, ''));
  let open = false;
  let html = '';
  for (const char of escaped) {
    if (char === HIGHLIGHT_START && !open) {
      html += '<mark>';
      open = true;
    } else if (char === HIGHLIGHT_STOP && open) {
      html += '</mark>';
      open = false;
    } else if (char !== HIGHLIGHT_START && char !== HIGHLIGHT_STOP) {
      html += char;
    }
  }
  return open ? `${html}</mark>` : html;
}
