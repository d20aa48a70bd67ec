import type { AnchorHTMLAttributes } from 'react';

/**
 * A link between the reader's pages: a plain anchor, not Next's Link (docs/adr/0031). Next's Link is a client
 * component: on the front page's 160 links it added 160 components to hydrate, and it prefetched every route that
 * came into view (fourteen while the front page loads), all main-thread work on the reader's phone while the page
 * starts. Readers' pages come out of the page cache at static-file speed, so a full page load is what a click costs.
 * The dashboard keeps Next's Link (client-side navigation between desk pages).
 */
export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return <a {...props} />;
}
