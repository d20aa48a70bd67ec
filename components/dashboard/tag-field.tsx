'use client';

import { useId, useRef, useState, type KeyboardEvent } from 'react';

import formStyles from '@/components/ui/form.module.css';
import { replaceToken, suggestTags } from '@/lib/tag-tokens';

import styles from './tag-field.module.css';

/**
 * The story's tags as a comma list, with suggestions for the tag being typed — the second and third as well as the
 * first (a datalist only ever matches the whole value). An ARIA 1.2 combobox: arrows move through the existing
 * tags, Enter takes one, Escape closes. Without JavaScript it is the plain comma list, which is all the form needs.
 */
export function TagField({ defaultValue, tags, errors }: { defaultValue: string; tags: string[]; errors?: string[] }) {
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [options, setOptions] = useState<string[]>([]);
  const [active, setActive] = useState(-1);
  const open = options.length > 0;

  const update = () => {
    const element = input.current;
    if (!element) return;
    setOptions(suggestTags(tags, element.value, element.selectionStart ?? element.value.length));
    setActive(-1);
  };

  const close = () => {
    setOptions([]);
    setActive(-1);
  };

  const choose = (tag: string) => {
    const element = input.current;
    if (!element) return;
    const next = replaceToken(element.value, element.selectionStart ?? element.value.length, tag);
    // Through the native setter and a real input event, so the editor form sees a change (its autosave listens).
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(element, next.value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
    element.setSelectionRange(next.caret, next.caret);
    element.focus();
    close();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!open) {
        update();
        if (event.key === 'ArrowDown') event.preventDefault();
        return;
      }
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + options.length + (current === -1 && step === -1 ? 1 : 0)) % options.length);
    } else if (event.key === 'Enter' && open && active >= 0) {
      // Takes the suggestion instead of submitting the form.
      event.preventDefault();
      choose(options[active]!);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      close();
    }
  };

  const describedBy = `tags-hint${errors ? ' tags-error' : ''}`;
  return (
    <div className={formStyles.field}>
      <label htmlFor="tags">Tags</label>
      <span id="tags-hint" className={formStyles.hint}>
        Separate with commas. Existing tags are suggested as you type each one; new ones are created when you save.
      </span>
      <div className={styles.wrap}>
        <input
          ref={input}
          id="tags"
          name="tags"
          defaultValue={defaultValue}
          autoComplete="off"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
          aria-describedby={describedBy}
          aria-invalid={errors ? true : undefined}
          onInput={update}
          onKeyDown={onKeyDown}
          onBlur={close}
        />
        <ul id={listId} role="listbox" aria-label="Existing tags" className={styles.listbox} hidden={!open}>
          {options.map((tag, index) => (
            <li
              key={tag}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={styles.option}
              // mousedown, not click: the input keeps focus (blur would close the list first).
              onMouseDown={(event) => {
                event.preventDefault();
                choose(tag);
              }}
            >
              {tag}
            </li>
          ))}
        </ul>
      </div>
      <span className="visually-hidden" aria-live="polite">
        {open ? `${options.length} existing ${options.length === 1 ? 'tag' : 'tags'} match; use the arrow keys to choose.` : ''}
      </span>
      {errors && (
        <span id="tags-error" className={formStyles.error}>
          {errors.join(' ')}
        </span>
      )}
    </div>
  );
}
