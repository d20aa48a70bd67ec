/** Share targets that work as plain links (no JavaScript, no third-party scripts on our pages). */
export type ShareLink = { label: string; href: string };

export function shareLinks(url: string, headline: string): ShareLink[] {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(headline);
  return [
    { label: 'E-mail', href: `mailto:?subject=${t}&body=${encodeURIComponent(`${headline}\n\n${url}`)}` },
    { label: 'X', href: `https://x.com/intent/post?url=${u}&text=${t}` },
    { label: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { label: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    { label: 'Bluesky', href: `https://bsky.app/intent/compose?text=${encodeURIComponent(`${headline} ${url}`)}` },
    { label: 'WhatsApp', href: `https://wa.me/?text=${encodeURIComponent(`${headline} ${url}`)}` },
  ];
}

export function absoluteUrl(siteUrl: string, path: string): string {
  return new URL(path, siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).toString();
}
