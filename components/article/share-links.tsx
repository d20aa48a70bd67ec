import { shareLinks } from '@/lib/share';

import styles from './article-view.module.css';
import { CopyLinkButton } from './copy-link-button';

export function ShareLinks({ url, headline }: { url: string; headline: string }) {
  return (
    <nav className={styles.share} aria-label="Share this story">
      <h2 className={styles.shareTitle}>Share</h2>
      <ul>
        <li>
          <CopyLinkButton url={url} />
        </li>
        {shareLinks(url, headline).map((link) => (
          <li key={link.label}>
            <a className={styles.shareLink} href={link.href} target="_blank" rel="noopener noreferrer">
              {link.label}
              <span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
