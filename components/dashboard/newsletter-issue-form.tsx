'use client';

import { createNewsletterIssueAction, updateNewsletterIssueAction } from '@/actions/newsletter-issues';
import { Field, SelectField, TextAreaField } from '@/components/ui/field';
import { FormIdField, useFormAction } from '@/components/ui/form-result';
import formStyles from '@/components/ui/form.module.css';

import styles from './dashboard-admin.module.css';

type Issue = { id: number; list: string; subject: string; intro: string };

/** Writes a new issue, or changes one that has not gone out; the stories are filled in when it is sent. */
export function NewsletterIssueForm({ lists, issue }: { lists: { value: string; label: string }[]; issue?: Issue }) {
  const [state, action, pending] = useFormAction(issue ? updateNewsletterIssueAction : createNewsletterIssueAction, 'issue');
  const value = (name: 'list' | 'subject' | 'intro') => state.values?.[name] ?? issue?.[name] ?? '';
  return (
    <form action={action} className={styles.panel} noValidate aria-labelledby="issue-form-title">
      <FormIdField id="issue" />
      <h2 id="issue-form-title">{issue ? 'Edit the issue' : 'Write an issue'}</h2>
      {state.formError && (
        <p className={formStyles.formError} role="alert">
          {state.formError}
        </p>
      )}
      {issue && <input type="hidden" name="id" value={issue.id} />}
      <SelectField name="list" label="Newsletter" options={lists} defaultValue={value('list') || 'daily'} errors={state.fieldErrors?.list} />
      <Field name="subject" label="Subject line" defaultValue={value('subject')} errors={state.fieldErrors?.subject} />
      <TextAreaField
        name="intro"
        label="Introduction (Markdown)"
        hint="Shown above the stories. The daily briefing lists the front page’s stories of the last 24 hours; a section digest, the section’s latest."
        rows={8}
        required={false}
        defaultValue={value('intro')}
        errors={state.fieldErrors?.intro}
      />
      <button type="submit" disabled={pending}>
        {issue ? 'Save the issue' : 'Save and preview'}
      </button>
    </form>
  );
}
