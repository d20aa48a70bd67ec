'use client';

import { useActionState } from 'react';

import { mergeTagsAction } from '@/actions/tags';
import { initialActionResult } from '@/lib/action-result';

import { SelectField } from '@/components/ui/field';

import styles from './dashboard-admin.module.css';

type Choice = { id: number; name: string; slug: string };

/**
 * Merge this tag into another: its articles move over (once each), this tag is deleted, and its address answers a
 * permanent redirect to the other (tag_slug_history, data/routes.ts) until a new tag takes that address.
 */
export function TagMergeForm({ tag, choices }: { tag: Choice & { articleCount: number }; choices: Choice[] }) {
  const [state, action, pending] = useActionState(mergeTagsAction, initialActionResult);
  const others = choices.filter((choice) => choice.id !== tag.id);
  if (others.length === 0) return null;
  return (
    <form action={action} className={`${styles.panel} ${styles.danger}`} noValidate aria-labelledby="tag-merge-title">
      <h2 id="tag-merge-title">Merge into another tag</h2>
      {state.formError && (
        <p className="form-error" role="alert">
          {state.formError}
        </p>
      )}
      <p>
        The {tag.articleCount} {tag.articleCount === 1 ? 'article' : 'articles'} tagged “{tag.name}” get the chosen tag instead, and “{tag.name}” is deleted.{' '}
        <span className={styles.code}>/tag/{tag.slug}</span> then redirects permanently (308) to the chosen tag’s address, unless a new tag takes that address later.
      </p>
      <input type="hidden" name="sourceId" value={tag.id} />
      <SelectField
        name="targetId"
        label="Merge into"
        defaultValue={state.values?.targetId ?? ''}
        errors={state.fieldErrors?.targetId}
        options={[{ value: '', label: 'Choose a tag…' }, ...others.map((choice) => ({ value: String(choice.id), label: `${choice.name} (/tag/${choice.slug})` }))]}
      />
      <button type="submit" className={styles.dangerButton} disabled={pending}>
        Merge “{tag.name}” into the chosen tag
      </button>
    </form>
  );
}
