'use client';

import { startTransition, useEffect, useRef, useState } from 'react';

import { createArticleAction, saveArticleAction, type ArticleActionResult } from '@/actions/articles';
import { Field, SelectField, TextAreaField } from '@/components/ui/field';
import { FormIdField, useFormAction } from '@/components/ui/form-result';
import formStyles from '@/components/ui/form.module.css';
import { sameText, useIsHydrating } from '@/components/ui/use-hydrating';
import { ARTICLE_FORMATS } from '@/lib/article-formats';
import type { ArticleSnapshot } from '@/lib/article-snapshot';
import { FORMAT_LABELS } from '@/lib/format';
import { type PickerData, type PickerPicture, pictureUploadPath } from '@/lib/picture-picker';
import type { UploadFeedback } from '@/lib/validation/images';

import editor from './article-editor.module.css';
import { MarkdownBodyField } from './markdown-body-field';
import { PicturePicker } from './picture-picker';
import { TagField } from './tag-field';

export type EditorOptions = {
  sections: { id: number; name: string }[];
  authors: { id: number; name: string }[];
  tags: string[];
  /** Ticked on a new story: the author profile linked to the writer's account. */
  defaultAuthorIds?: number[];
};

const AUTOSAVE_DELAY_MS = 8000;
const initial: ArticleActionResult = { ok: false };

/**
 * Whether a control holds something other than what the server rendered: typed, ticked or chosen before the page
 * hydrated. React keeps it on screen, but no change event ever tells the form, so nothing would autosave it.
 */
function differsFromServer(element: Element): boolean {
  if (element instanceof HTMLInputElement) {
    if (element.type === 'checkbox' || element.type === 'radio') return element.checked !== element.defaultChecked;
    if (['hidden', 'submit', 'button', 'reset', 'image', 'file'].includes(element.type)) return false;
    return element.value !== element.defaultValue;
  }
  if (element instanceof HTMLTextAreaElement) return !sameText(element.value, element.defaultValue);
  if (element instanceof HTMLSelectElement) {
    const options = Array.from(element.options);
    if (element.multiple) return options.some((option) => option.selected !== option.defaultSelected);
    // With no option marked selected, a select shows its first enabled option.
    const shown = options.filter((option) => option.defaultSelected).pop() ?? options.find((option) => !option.disabled);
    return element.value !== (shown?.value ?? '');
  }
  return false;
}

function timeOf(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(new Date(iso));
}

/**
 * The story form: every field of a revision, with visible labels and errors beside each. Editing an existing story
 * autosaves a few seconds after the last change (with JavaScript); the Save button always works, also without it.
 * Each save sends the version it was based on, so a colleague's newer save is never overwritten.
 */
export function ArticleEditorForm({
  articleId,
  version: initialVersion,
  snapshot,
  relatedSlugs,
  options,
  pictures,
  upload,
  onSaved,
}: {
  articleId: number | null;
  version: number;
  snapshot: ArticleSnapshot | null;
  relatedSlugs: string[];
  options: EditorOptions;
  /** The hero picker's first page (docs/adr/0014), and what came back from an upload without JavaScript. */
  pictures: PickerData;
  upload: UploadFeedback;
  onSaved?: (saved: { version: number; isPendingPublication: boolean }) => void;
}) {
  const isNew = articleId === null;
  const [state, action, pending] = useFormAction(isNew ? createArticleAction : saveArticleAction, 'story-editor', initial);
  const [dirty, setDirty] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const insertPicture = useRef<((picture: PickerPicture) => void) | null>(null);
  const hydrating = useIsHydrating();
  const version = state.version ?? initialVersion;
  const values = state.values;
  const errors = state.fieldErrors ?? {};
  const text = (name: keyof NonNullable<typeof values>, fallback: string) => {
    const value = values?.[name];
    return typeof value === 'string' ? value : fallback;
  };

  // What was typed before the page hydrated is an unsaved change like any other (the body reports its own: it
  // adopts that text as its state). Checked once hydrated, when every field's default is the server's text again.
  useEffect(() => {
    if (hydrating || !form.current) return;
    if (Array.from(form.current.elements).some(differsFromServer)) setDirty(true);
  }, [hydrating]);

  useEffect(() => {
    if (state.ok && state.version && onSaved) onSaved({ version: state.version, isPendingPublication: state.isPendingPublication ?? false });
  }, [state.ok, state.version, state.isPendingPublication, onSaved]);

  useEffect(() => {
    if (isNew || !dirty || pending || state.conflict) return;
    const timer = setTimeout(() => {
      if (!form.current) return;
      const formData = new FormData(form.current);
      formData.set('autosave', '1');
      setDirty(false);
      startTransition(() => action(formData));
    }, AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [dirty, pending, state.conflict, isNew, action]);

  const uploadPath = pictureUploadPath(articleId);
  const savedHero = values ? (typeof values.heroImageId === 'string' && values.heroImageId ? Number(values.heroImageId) : null) : (snapshot?.heroImageId ?? null);
  // Back from an upload without JavaScript: the new picture is chosen (not saved yet), with its alt text offered.
  const chosenHero = pictures.justUploaded && pictures.chosen ? pictures.chosen.id : savedHero;
  const heroAltDefault = snapshot?.heroAlt || (pictures.justUploaded ? (pictures.chosen?.alt ?? '') : '');

  /** A picture chosen with JavaScript brings its alt text along, unless the story already has its own. */
  function onChoosePicture(picture: PickerPicture | null) {
    setDirty(true);
    const alt = form.current?.elements.namedItem('heroAlt');
    if (picture && alt instanceof HTMLInputElement && !alt.value.trim()) alt.value = picture.alt;
  }

  const chosenAuthors = (values?.authorIds as string[] | undefined)?.map(Number) ?? snapshot?.authorIds ?? options.defaultAuthorIds ?? [];
  return (
    <form
      ref={form}
      action={action}
      className={`article-editor ${editor.editor}`}
      noValidate
      onChange={() => setDirty(true)}
      // An explicit Save sends what is on screen: nothing is left for the autosave to send again.
      onSubmit={() => setDirty(false)}
      aria-labelledby="editor-title"
    >
      <h2 id="editor-title" className="visually-hidden">
        Story
      </h2>
      {articleId !== null && <input type="hidden" name="id" value={articleId} />}
      <input type="hidden" name="version" value={version} />
      <FormIdField id="story-editor" />
      {/* Enter in a field sends the story, never the picture picker's Search (the first submit button without JavaScript). */}
      <button type="submit" className="visually-hidden" tabIndex={-1} aria-hidden="true" disabled={pending}>
        {isNew ? 'Create draft' : 'Save'}
      </button>

      <div className={editor.status} aria-live="polite">
        {pending ? <span>Saving…</span> : state.ok && state.savedAt ? <span className={formStyles.formSuccess}>Saved at {timeOf(state.savedAt)} (version {version}).</span> : dirty && !isNew ? <span>Unsaved changes.</span> : null}
      </div>
      {state.formError && (
        <div className={formStyles.formError} role="alert">
          <p>{state.formError}</p>
          {state.conflict && (
            <p>
              {state.conflict.by ?? 'A colleague'} saved version {state.conflict.currentVersion} at {timeOf(state.conflict.at)}
              {state.conflict.changed.length ? `, changing: ${state.conflict.changed.join(', ')}` : ''}. Your text is still in this form: copy
              what you need, then <a href={`/dashboard/articles/${articleId}`}>open the latest version</a>.
            </p>
          )}
        </div>
      )}

      <Field name="headline" label="Headline" defaultValue={text('headline', snapshot?.headline ?? '')} errors={errors.headline} />
      <TextAreaField name="dek" label="Standfirst" rows={2} required={false} defaultValue={text('dek', snapshot?.dek ?? '')} errors={errors.dek} hint="One or two sentences under the headline." />
      <Field
        name="slug"
        label="Slug"
        required={false}
        defaultValue={text('slug', snapshot?.slug ?? '')}
        errors={errors.slug}
        hint="The story's address. Leave empty to make it from the headline. Changing it on a published story keeps the old address working."
      />
      <div className={editor.row}>
        <SelectField
          name="sectionId"
          label="Section"
          defaultValue={text('sectionId', String(snapshot?.sectionId ?? ''))}
          errors={errors.sectionId}
          options={[{ value: '', label: 'Choose a section' }, ...options.sections.map((section) => ({ value: String(section.id), label: section.name }))]}
        />
        <SelectField name="format" label="Format" defaultValue={text('format', snapshot?.format ?? 'news')} errors={errors.format} options={ARTICLE_FORMATS.map((format) => ({ value: format, label: FORMAT_LABELS[format] }))} />
      </div>
      <TagField defaultValue={text('tags', (snapshot?.tagNames ?? []).join(', '))} tags={options.tags} errors={errors.tags} />
      <fieldset className={editor.authors} aria-describedby={errors.authorIds ? 'authorIds-error' : undefined}>
        <legend>Authors</legend>
        {options.authors.map((author) => (
          <label key={author.id}>
            <input type="checkbox" name="authorIds" value={author.id} defaultChecked={chosenAuthors.includes(author.id)} /> {author.name}
          </label>
        ))}
        {errors.authorIds && (
          <span id="authorIds-error" className={formStyles.error}>
            {errors.authorIds.join(' ')}
          </span>
        )}
      </fieldset>

      <MarkdownBodyField key={`body-${state.conflict ? 'conflict' : 'draft'}`} initial={text('body', snapshot?.body ?? '')} errors={errors.body} onEdit={() => setDirty(true)} insertRef={insertPicture} />

      <fieldset>
        <legend>Hero picture</legend>
        <span className={formStyles.hint}>Choose the hero picture shown above the story, or put a picture in the body with Insert in body.</span>
        <PicturePicker
          data={pictures}
          defaultChosenId={chosenHero}
          errors={errors.heroImageId}
          upload={upload}
          uploadPath={uploadPath}
          onChoose={onChoosePicture}
          onInsert={(picture) => insertPicture.current?.(picture)}
        />
        <Field name="heroAlt" label="Alt text" required={false} defaultValue={text('heroAlt', heroAltDefault)} errors={errors.heroAlt} hint="What the hero picture shows, for readers who cannot see it. Required with a picture; filled in from the library when empty." />
        <Field name="heroCaption" label="Caption" required={false} defaultValue={text('heroCaption', snapshot?.heroCaption ?? '')} errors={errors.heroCaption} />
      </fieldset>

      <fieldset>
        <legend>Related stories and search engines</legend>
        <TextAreaField
          name="related"
          label="Related stories (editor’s picks)"
          rows={3}
          required={false}
          defaultValue={text('related', relatedSlugs.join('\n'))}
          errors={errors.related}
          hint="One story slug or address per line, in order; shown first in the sidebar."
        />
        <Field name="seoTitle" label="SEO title" required={false} defaultValue={text('seoTitle', snapshot?.seoTitle ?? '')} errors={errors.seoTitle} hint="Instead of the headline in search results and the browser tab." />
        <TextAreaField name="seoDescription" label="SEO description" rows={2} required={false} defaultValue={text('seoDescription', snapshot?.seoDescription ?? '')} errors={errors.seoDescription} hint="Instead of the standfirst in search results and link previews." />
      </fieldset>

      <button type="submit" disabled={pending}>
        {isNew ? 'Create draft' : 'Save'}
      </button>
    </form>
  );
}
