import styles from './article-view.module.css';

/**
 * Without JavaScript this is a plain link to the story (copy it with the browser's own menu); with JavaScript the
 * page's script (components/page-script/copy-link.ts) copies the address and says so.
 */
export function CopyLinkButton({ url }: { url: string }) {
  return (
    <a href={url} className={styles.shareLink} data-copy-link>
      <span aria-live="polite">Copy link</span>
    </a>
  );
}
