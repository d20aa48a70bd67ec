'use client';

import { useEffect, useRef, useState } from 'react';

import formStyles from '@/components/ui/form.module.css';
import { LINK_ADDRESS_HINT, LINK_PLACEHOLDER, parseLinkAddress } from '@/lib/markdown-link';

import dashboardStyles from './dashboard.module.css';
import styles from './markdown-link-field.module.css';

/**
 * The Link tool's question, inline under the toolbar (not window.prompt): a labelled address field with Insert link
 * and Cancel. It lives inside the story form, so it is no form of its own: the field has no name (it is never
 * saved with the story), Enter inserts instead of submitting the story, Escape cancels, and typing here does not
 * count as an edit of the story.
 */
export function MarkdownLinkField({ id, onInsert, onCancel }: { id: string; onInsert: (address: string) => void; onCancel: () => void }) {
  const [address, setAddress] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
  }, []);

  function insert() {
    const parsed = parseLinkAddress(address);
    if (!parsed.ok) {
      setError(parsed.message);
      input.current?.focus();
      return;
    }
    onInsert(parsed.address);
  }

  return (
    <span id={id} role="group" aria-labelledby={`${id}-title`} className={styles.group}>
      <span id={`${id}-title`} className={styles.title}>
        Insert a link
      </span>
      <label htmlFor={`${id}-address`}>Link address</label>
      <span id={`${id}-hint`} className={formStyles.hint}>
        {LINK_ADDRESS_HINT} The selected text becomes the link; with nothing selected, “{LINK_PLACEHOLDER}” is inserted for you to type over.
      </span>
      <input
        ref={input}
        id={`${id}-address`}
        type="text"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        value={address}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onChange={(event) => {
          // Not an edit of the story (the story form listens for changes to mark itself unsaved).
          event.stopPropagation();
          setAddress(event.target.value);
          if (error) setError(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            insert();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            onCancel();
          }
        }}
      />
      {error && (
        <span id={`${id}-error`} className={formStyles.error} role="alert">
          {error}
        </span>
      )}
      <span className={styles.actions}>
        <button type="button" onClick={insert}>
          Insert link
        </button>
        <button type="button" className={dashboardStyles.secondaryButton} onClick={onCancel}>
          Cancel
        </button>
      </span>
    </span>
  );
}
