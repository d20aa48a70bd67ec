'use client';

import { useState } from 'react';

import styles from './article-view.module.css';

/**
 * Without JavaScript this is a plain link to the story (copy it with the browser's own menu);
 * with JavaScript it copies the address and says so.
 */
export function CopyLinkButton({ url }: { url: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <a
      href={url}
      className={styles.shareLink}
      onClick={(event) => {
        if (!navigator.clipboard) return;
        event.preventDefault();
        void navigator.clipboard.writeText(url).then(() => {
          setCopied(true);
          setTimeout(() => setCopied(false), 2500);
        });
      }}
    >
      <span aria-live="polite">{copied ? 'Link copied' : 'Copy link'}</span>
    </a>
  );
}
