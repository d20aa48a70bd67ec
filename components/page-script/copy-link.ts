/** How long "Link copied" is shown. */
const SHOWN_MS = 2500;

/**
 * A "Copy link" link (a plain link to the story without JavaScript) copies its address and says so in its live
 * region. Returns what stops listening.
 */
export function copyLinkOnClick(link: HTMLAnchorElement): () => void {
  const label = link.querySelector<HTMLElement>('[aria-live]') ?? link;
  const text = label.textContent;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onClick = (event: MouseEvent) => {
    if (!navigator.clipboard) return;
    event.preventDefault();
    void navigator.clipboard.writeText(link.href).then(() => {
      label.textContent = 'Link copied';
      clearTimeout(timer);
      timer = setTimeout(() => (label.textContent = text), SHOWN_MS);
    });
  };
  link.addEventListener('click', onClick);
  return () => {
    clearTimeout(timer);
    link.removeEventListener('click', onClick);
  };
}
