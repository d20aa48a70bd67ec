/**
 * The body field's Link tool: checks the address an editor typed and writes the Markdown link. Pure, so the
 * browser and the tests share it.
 */

export type LinkAddress = { ok: true; address: string } | { ok: false; message: string };

/** Shown beside the field; also what the refusals refer to. */
export const LINK_ADDRESS_HINT = 'A web address starting with https:// or http://, or a page on this site starting with /.';

/** Link text inserted (and selected, to type over) when nothing was selected. */
export const LINK_PLACEHOLDER = 'link text';

/**
 * Accepts an http(s) address with a host, or a path on this site ("/news/a-story", not "//elsewhere.org").
 * Spaces and angle brackets are refused rather than silently changed: the editor sees what goes into the text.
 */
export function parseLinkAddress(input: string): LinkAddress {
  const address = input.trim();
  if (!address) return { ok: false, message: 'Type the address to link to.' };
  if (/[\s<>]/.test(address)) return { ok: false, message: 'An address has no spaces or angle brackets (< >).' };
  if (address.startsWith('/')) {
    if (address.startsWith('//') || address.startsWith('/\\')) return { ok: false, message: `That is not a page on this site. ${LINK_ADDRESS_HINT}` };
    return { ok: true, address };
  }
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return { ok: false, message: /^[a-z][a-z0-9+.-]*:/i.test(address) ? `That is not a complete address. ${LINK_ADDRESS_HINT}` : `Start the address with https:// (or with / for a page on this site).` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, message: `Only web addresses can be linked. ${LINK_ADDRESS_HINT}` };
  if (!url.hostname || !/^https?:\/\/[^/]/i.test(address)) return { ok: false, message: `That address has no site name. ${LINK_ADDRESS_HINT}` };
  return { ok: true, address };
}

/** The address as a Markdown link destination: parentheses that would end it early are escaped (same target). */
export function markdownLinkDestination(address: string): string {
  return balanced(address) ? address : address.replace(/[()]/g, '\\$&');
}

/** `[text](address)`. */
export function markdownLink(text: string, address: string): string {
  return `[${text}](${markdownLinkDestination(address)})`;
}

function balanced(address: string): boolean {
  let depth = 0;
  for (const character of address) {
    if (character === '(') depth += 1;
    if (character === ')' && --depth < 0) return false;
  }
  return depth === 0;
}
