import Form from 'next/form';

import { SelectField } from '@/components/ui/field';

import styles from './dashboard-admin.module.css';
import dashboardStyles from './dashboard.module.css';

type Choice = { id: number; name: string; slug: string };

/**
 * Merge this tag into another: its articles move over (once each), this tag is deleted, and its address answers a
 * permanent redirect to the other (tag_slug_history, data/routes.ts) until a new tag takes that address. Choosing
 * the tag is a GET to this page's ?confirm=merge&into=…, whose confirmation does the merge (ADR 0016).
 */
export function TagMergeForm({ tag, choices, into, error }: { tag: Choice & { articleCount: number }; choices: Choice[]; into?: string; error?: string }) {
  const others = choices.filter((choice) => choice.id !== tag.id);
  if (others.length === 0) return null;
  return (
    <Form action={`/dashboard/tags/${tag.id}`} scroll={false} className={`${styles.panel} ${styles.danger}`} aria-labelledby="tag-merge-title">
      <h2 id="tag-merge-title">Merge into another tag</h2>
      <p>
        The {tag.articleCount} {tag.articleCount === 1 ? 'article' : 'articles'} tagged “{tag.name}” get the chosen tag instead, and “{tag.name}” is deleted.{' '}
        <span className={styles.code}>/tag/{tag.slug}</span> then redirects permanently (308) to the chosen tag’s address, unless a new tag takes that address later.
      </p>
      <input type="hidden" name="confirm" value="merge" />
      <SelectField
        name="into"
        label="Merge into"
        defaultValue={into ?? ''}
        errors={error ? [error] : undefined}
        options={[{ value: '', label: 'Choose a tag…' }, ...others.map((choice) => ({ value: String(choice.id), label: `${choice.name} (/tag/${choice.slug})` }))]}
      />
      <button type="submit" className={dashboardStyles.secondaryButton}>
        Merge “{tag.name}” into the chosen tag…
      </button>
    </Form>
  );
}
