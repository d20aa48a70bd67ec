'use client';

import { useState } from 'react';

import { addArticleNoteAction, publishArticleAction, submitForReviewAction, type ArticleActionResult } from '@/actions/articles';
import { sendBackAction } from '@/actions/review';
import { TextAreaField } from '@/components/ui/field';
import { FormIdField, useFormAction } from '@/components/ui/form-result';
import formStyles from '@/components/ui/form.module.css';
import { confirmHref } from '@/lib/confirm-href';
import { ARTICLE_NOTE_KINDS, ARTICLE_NOTE_LABELS } from '@/lib/editorial';

import editor from './article-editor.module.css';
import { ConfirmLink } from './confirm';

const initial: ArticleActionResult = { ok: false };

export type WorkflowProps = {
  articleId: number;
  version: number;
  state: 'draft' | 'in_review' | 'scheduled' | 'published' | 'expired';
  hasPendingChanges: boolean;
  mayEdit: boolean;
  mayPublish: boolean;
  /** Current schedule as datetime-local values in the newsroom's zone. */
  publishAtLocal: string;
  unpublishAtLocal: string;
  timeZone: string;
};

function Problem({ result }: { result: ArticleActionResult }) {
  if (!result.formError) return null;
  return (
    <div className={formStyles.formError} role="alert">
      <p>{result.formError}</p>
      {result.conflict && <p>The story was saved again since this page loaded (version {result.conflict.currentVersion}). Reload the page and try again.</p>}
    </div>
  );
}

function Ids({ articleId, version }: { articleId: number; version: number }) {
  return (
    <>
      <input type="hidden" name="id" value={articleId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}

function PublishForm(props: WorkflowProps) {
  const [result, action, pending] = useFormAction(publishArticleAction, 'publish', initial);
  const [when, setWhen] = useState(props.state === 'scheduled' ? 'schedule' : 'now');
  const isLive = props.state === 'published';
  const errors = result.fieldErrors ?? {};
  const label = isLive ? (props.hasPendingChanges ? 'Publish changes' : 'Update publication settings') : when === 'schedule' ? 'Schedule' : 'Publish now';
  return (
    <form action={action} className={editor.workflowForm} aria-labelledby="publish-title">
      <FormIdField id="publish" />
      <h3 id="publish-title">{isLive ? 'Publication' : 'Publish'}</h3>
      <Problem result={result} />
      <Ids articleId={props.articleId} version={props.version} />
      {isLive ? (
        <input type="hidden" name="when" value="now" />
      ) : (
        <fieldset>
          <legend>When</legend>
          <label>
            <input type="radio" name="when" value="now" checked={when === 'now'} onChange={() => setWhen('now')} /> Now
          </label>
          <label>
            <input type="radio" name="when" value="schedule" checked={when === 'schedule'} onChange={() => setWhen('schedule')} /> At an exact time
          </label>
        </fieldset>
      )}
      {!isLive && (
        <p className={formStyles.field}>
          <label htmlFor="publishAt">Publish at ({props.timeZone})</label>
          <input id="publishAt" name="publishAt" type="datetime-local" defaultValue={props.publishAtLocal} aria-invalid={errors.publishAt ? true : undefined} aria-describedby={errors.publishAt ? 'publishAt-error' : undefined} />
          {errors.publishAt && (
            <span id="publishAt-error" className={formStyles.error}>
              {errors.publishAt.join(' ')}
            </span>
          )}
        </p>
      )}
      <p className={formStyles.field}>
        <label htmlFor="unpublishAt">Unpublish at ({props.timeZone}, optional)</label>
        <input id="unpublishAt" name="unpublishAt" type="datetime-local" defaultValue={props.unpublishAtLocal} aria-invalid={errors.unpublishAt ? true : undefined} aria-describedby={errors.unpublishAt ? 'unpublishAt-error' : undefined} />
        {errors.unpublishAt && (
          <span id="unpublishAt-error" className={formStyles.error}>
            {errors.unpublishAt.join(' ')}
          </span>
        )}
      </p>
      <button type="submit" disabled={pending}>
        {label}
      </button>
    </form>
  );
}

function SimpleForm({ formId, title, button, action: serverAction, articleId, version, children }: { formId: string; title: string; button: string; action: typeof submitForReviewAction; articleId: number; version: number; children?: React.ReactNode }) {
  const [result, action, pending] = useFormAction(serverAction, formId, initial);
  return (
    <form action={action} className={editor.workflowForm} aria-label={title}>
      <FormIdField id={formId} />
      <Problem result={result} />
      <Ids articleId={articleId} version={version} />
      {children}
      <button type="submit" disabled={pending}>
        {button}
      </button>
    </form>
  );
}

/**
 * Unpublish and Delete only ask: each opens the page's confirmation (ADR 0016), which says what readers will get and
 * does it. They sit below Publish and the notes, outlined in red, so they never look like the publish button.
 */
function DangerZone({ articleId, isPublic }: { articleId: number; isPublic: boolean }) {
  const path = `/dashboard/articles/${articleId}`;
  return (
    <section className={`${editor.workflowForm} ${editor.danger}`} aria-labelledby="danger-title">
      <h3 id="danger-title">Take down</h3>
      {isPublic && (
        <>
          <p className={formStyles.hint}>Unpublish takes the story off the site; it goes back to draft with its history.</p>
          <ConfirmLink href={confirmHref(path, 'unpublish')}>Unpublish…</ConfirmLink>
        </>
      )}
      <p className={formStyles.hint}>Delete removes the story, its history and its comments for good.</p>
      <ConfirmLink href={confirmHref(path, 'delete')}>Delete this story…</ConfirmLink>
    </section>
  );
}

/**
 * A note never goes live before the change it describes: while the story has saved changes readers do not have yet,
 * the server stages the note with them (data/article-notes.ts). The form says which will happen before it is sent.
 */
function NoteForm({ articleId, hasPendingChanges }: { articleId: number; hasPendingChanges: boolean }) {
  const [result, action, pending] = useFormAction(addArticleNoteAction, 'article-note', initial);
  const errors = result.fieldErrors ?? {};
  return (
    <form action={action} className={editor.workflowForm} aria-labelledby="note-title" aria-describedby="note-when">
      <FormIdField id="article-note" />
      <h3 id="note-title">Add a correction or update</h3>
      {hasPendingChanges ? (
        <p id="note-when">
          <strong>This story has saved changes readers do not see yet. The note will wait with them:</strong> readers see both when you press Publish changes, never the note first.
        </p>
      ) : (
        <p id="note-when">Readers see the note at once. If it describes a change to the text, save that change first: the note then waits and goes live with it when you press Publish changes.</p>
      )}
      <Problem result={result} />
      <input type="hidden" name="id" value={articleId} />
      <fieldset aria-describedby={errors.kind ? 'kind-error' : undefined}>
        <legend>Kind</legend>
        {ARTICLE_NOTE_KINDS.map((kind) => (
          <label key={kind}>
            <input type="radio" name="kind" value={kind} defaultChecked={kind === 'correction'} /> {ARTICLE_NOTE_LABELS[kind]}
          </label>
        ))}
        {errors.kind && (
          <span id="kind-error" className={formStyles.error}>
            {errors.kind.join(' ')}
          </span>
        )}
      </fieldset>
      <TextAreaField name="noteBody" label="Note shown to readers" rows={3} defaultValue={typeof result.values?.noteBody === 'string' ? result.values.noteBody : ''} errors={errors.noteBody} hint="It appears under the story with the date it goes live, and the story shows as updated." />
      <button type="submit" disabled={pending}>
        Add note
      </button>
    </form>
  );
}

/**
 * Editors: a story in review goes back to its writer with a note saying what to change (docs/adr/0015). A plain
 * form post that always redirects (a refusal comes back as ?problem=, shown at the page's top), so it works without JavaScript; the version
 * is the one the workspace holds, so an autosave just made does not make it refuse.
 */
function SendBackForm({ articleId, version }: { articleId: number; version: number }) {
  return (
    <form id="review" action={sendBackAction} className={editor.workflowForm} aria-labelledby="send-back-title">
      <h3 id="send-back-title">Send back to writer</h3>
      <p id="send-back-hint">The story goes back to draft and waits on its writer, who sees your note on their dashboard.</p>
      <Ids articleId={articleId} version={version} />
      <p className={formStyles.field}>
        <label htmlFor="send-back-note">What needs to change</label>
        <textarea id="send-back-note" name="note" rows={4} required minLength={5} maxLength={2000} aria-describedby="send-back-hint" />
      </p>
      <button type="submit">Send back to writer</button>
    </form>
  );
}

/** The story's workflow: submit for review, publish or schedule, unpublish, delete, corrections. Each checks again on the server. */
export function ArticleWorkflow(props: WorkflowProps) {
  const isPublic = props.state === 'published' || props.state === 'scheduled' || props.state === 'expired';
  return (
    <div>
      {!props.mayPublish && props.mayEdit && props.state === 'draft' && (
        <SimpleForm formId="submit-for-review" title="Submit for review" button="Submit for review" action={submitForReviewAction} articleId={props.articleId} version={props.version}>
          <p>An editor will review and publish it. You can keep editing until then.</p>
        </SimpleForm>
      )}
      {!props.mayPublish && props.state === 'in_review' && <p className={formStyles.hint}>Submitted for review: an editor will publish it.</p>}
      {props.mayPublish && props.state === 'in_review' && <SendBackForm articleId={props.articleId} version={props.version} />}
      {props.mayPublish && <PublishForm {...props} />}
      {props.mayPublish && props.state === 'published' && <NoteForm articleId={props.articleId} hasPendingChanges={props.hasPendingChanges} />}
      {props.mayPublish && <DangerZone articleId={props.articleId} isPublic={isPublic} />}
    </div>
  );
}
