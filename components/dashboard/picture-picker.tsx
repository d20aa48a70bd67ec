'use client';

import { type ChangeEvent, useCallback, useEffect, useRef, useState, useSyncExternalStore, useTransition } from 'react';

import { searchPicturesAction } from '@/actions/images';
import formStyles from '@/components/ui/form.module.css';
import { Picture } from '@/components/ui/picture';
import { pictureSnippet } from '@/lib/body-pictures';
import { ACCEPTED_IMAGE_TYPES, MAX_UPLOAD_BYTES, MAX_UPLOAD_LABEL, UPLOAD_PROBLEM_MESSAGES } from '@/lib/images';
import { type PickerData, type PickerPage, type PickerPicture, pictureUploadPath } from '@/lib/picture-picker';
import type { UploadFeedback } from '@/lib/validation/images';

import styles from './picture-picker.module.css';

/** The upload's own form, rendered after the story form (forms cannot nest); the upload's fields name it. */
export const PICTURE_UPLOAD_FORM_ID = 'picture-upload-form';

/**
 * The editor's upload form itself: empty and hidden, placed after the story form. Its fields and button are in the
 * picker (inside the story form on screen) and belong to it through their `form` attribute.
 */
export function PictureUploadForm({ articleId }: { articleId: number | null }) {
  return <form id={PICTURE_UPLOAD_FORM_ID} method="post" action={pictureUploadPath(articleId)} encType="multipart/form-data" noValidate hidden />;
}

const noSubscription = () => () => {};
const SEARCH_DELAY_MS = 300;

/** Typing here is not an edit of the story (the story form listens for changes to mark itself unsaved). */
const notAStoryEdit = (event: ChangeEvent) => event.stopPropagation();

function summary(page: PickerPage): string {
  if (page.total === 0) return page.q ? `No picture matches “${page.q}”.` : 'The library has no pictures yet.';
  const count = `${page.total} ${page.total === 1 ? 'picture' : 'pictures'}${page.q ? ` match “${page.q}”` : ' in the library, newest first'}`;
  return page.pageCount > 1 ? `${count}. Page ${page.page} of ${page.pageCount}.` : `${count}.`;
}

/**
 * The hero picture, chosen from a grid of thumbnails (docs/adr/0014). The choices are radio buttons of the story
 * form (`heroImageId`), so choosing is part of the story like any other field. Searching and paging: with
 * JavaScript, in place; without it, they are the story form's own buttons, which save the story and come back to
 * this page of results (so nothing typed is lost). The upload has its own form; with JavaScript it is sent in the
 * background and the new picture is chosen at once. Each picture can be put in the body: with JavaScript at the
 * cursor, without it by copying its Markdown.
 */
export function PicturePicker({
  data,
  defaultChosenId,
  errors,
  upload,
  uploadPath,
  onChoose,
  onInsert,
}: {
  data: PickerData;
  defaultChosenId: number | null;
  errors?: string[];
  upload: UploadFeedback;
  uploadPath: string;
  onChoose: (picture: PickerPicture | null) => void;
  onInsert: (picture: PickerPicture) => void;
}) {
  const interactive = useSyncExternalStore(noSubscription, () => true, () => false);
  const [results, setResults] = useState<PickerPage>(data);
  const [query, setQuery] = useState(data.q);
  const [chosenId, setChosenId] = useState<number | null>(defaultChosenId);
  // The chosen picture stays in view (pinned first) when a search or page does not include it.
  const [chosen, setChosen] = useState<PickerPicture | null>(data.chosen?.id === defaultChosenId ? data.chosen : (data.items.find((item) => item.id === defaultChosenId) ?? null));
  const [isSearching, startSearch] = useTransition();
  const [searchError, setSearchError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState<string | null>(data.justUploaded ? 'The picture was uploaded and is chosen as the hero picture. Save the story to keep it.' : null);
  const [uploadErrors, setUploadErrors] = useState<UploadFeedback['fieldErrors']>(upload.fieldErrors);
  const [uploading, setUploading] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const altInput = useRef<HTMLInputElement>(null);
  const creditInput = useRef<HTMLInputElement>(null);
  const searched = useRef(data.q);
  // The radios are uncontrolled on purpose: React resets a form after its action (an explicit Save) to each control's
  // default, and it keeps `defaultChecked` (not `checked`) in step with the state, so the choice survives the reset.
  // They listen to clicks too: after an upload checks the new picture, React still believes the radio the editor
  // had chosen before is checked, and would not report choosing it again as a change (a click, or arrow keys, always is).

  const search = useCallback((q: string, page: number) => {
    searched.current = q;
    startSearch(async () => {
      const result = await searchPicturesAction(q, page);
      if ('error' in result) {
        setSearchError(result.error);
        return;
      }
      setSearchError(null);
      setResults(result);
    });
  }, []);

  // Results as you type, once typing pauses.
  useEffect(() => {
    if (!interactive || query.trim() === searched.current) return;
    const timer = setTimeout(() => search(query.trim(), 1), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query, interactive, search]);

  function choose(picture: PickerPicture | null) {
    setChosenId(picture?.id ?? null);
    setChosen(picture);
    onChoose(picture);
  }

  async function sendUpload() {
    const file = fileInput.current?.files?.[0];
    if (!file) return setUploadErrors({ file: [UPLOAD_PROBLEM_MESSAGES['missing-file']] });
    if (file.size > MAX_UPLOAD_BYTES) return setUploadErrors({ file: [UPLOAD_PROBLEM_MESSAGES['too-large']] });
    const body = new FormData();
    body.set('file', file);
    body.set('alt', altInput.current?.value ?? '');
    body.set('credit', creditInput.current?.value ?? '');
    setUploading(true);
    setUploadErrors({});
    try {
      const response = await fetch(uploadPath, { method: 'POST', body, headers: { Accept: 'application/json' } });
      const answer = (await response.json().catch(() => null)) as { ok: true; picture: PickerPicture } | { ok: false; fieldErrors: UploadFeedback['fieldErrors'] } | null;
      if (!answer || !answer.ok) {
        setUploadErrors(answer?.fieldErrors ?? { file: ['The upload did not go through. Please try again.'] });
        return;
      }
      choose(answer.picture);
      // Newest first: on the first page of everything, the new picture leads the grid.
      setResults((current) => (current.q === '' && current.page === 1 ? { ...current, total: current.total + 1, items: [answer.picture, ...current.items.filter((item) => item.id !== answer.picture.id)] } : current));
      for (const input of [fileInput.current, altInput.current, creditInput.current]) if (input) input.value = '';
      setAnnouncement(`Uploaded “${answer.picture.alt}”. It is chosen as the hero picture.`);
    } catch {
      setUploadErrors({ file: ['The upload did not go through (no connection?). Please try again.'] });
    } finally {
      setUploading(false);
    }
  }

  const pinned = chosen && !results.items.some((item) => item.id === chosen.id) ? chosen : null;
  const pictures = pinned ? [pinned, ...results.items] : results.items;
  const hasUploadErrors = Boolean(uploadErrors.file?.length || uploadErrors.alt?.length || uploadErrors.credit?.length);
  // Without JavaScript these buttons send the story form (saved, then back here); with it they act in place.
  const browseButton = (page: number) => (interactive ? { type: 'button' as const } : { type: 'submit' as const, name: 'pictureBrowse', value: String(page) });

  return (
    <div id="hero-picture" className={styles.picker}>
      <div role="search" aria-label="Pictures" className={styles.search}>
        <label htmlFor="picture-query">Search pictures</label>
        <span id="picture-query-hint" className={formStyles.hint}>
          Alt text, credit or file name.{interactive ? '' : ' Without JavaScript, searching saves the story first.'}
        </span>
        <span className={styles.searchRow}>
          <input
            id="picture-query"
            name="pictureQuery"
            type="search"
            value={query}
            maxLength={200}
            autoComplete="off"
            aria-describedby="picture-query-hint"
            aria-controls="picture-grid"
            onChange={(event) => {
              notAStoryEdit(event);
              setQuery(event.target.value);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && interactive) {
                // Enter searches; it never sends the story.
                event.preventDefault();
                search(query.trim(), 1);
              }
            }}
          />
          <button {...browseButton(1)} className={styles.secondary} onClick={interactive ? () => search(query.trim(), 1) : undefined}>
            Search
          </button>
        </span>
      </div>
      <p className={styles.count} aria-live="polite" aria-busy={isSearching}>
        {searchError ?? (isSearching ? 'Searching…' : summary(results))}
      </p>
      {announcement && (
        <p className={formStyles.formSuccess} role="status">
          {announcement}
        </p>
      )}
      {errors?.length ? (
        <p id="heroImageId-error" className={formStyles.error}>
          {errors.join(' ')}
        </p>
      ) : null}
      <ul id="picture-grid" className={styles.grid} aria-label="Pictures to choose from" aria-describedby={errors?.length ? 'heroImageId-error' : undefined}>
        <li className={styles.card}>
          <label className={styles.choice}>
            <input type="radio" name="heroImageId" value="" defaultChecked={chosenId === null} onChange={() => choose(null)} onClick={() => choose(null)} />
            <span className={`${styles.frame} ${styles.empty}`} aria-hidden="true">
              No picture
            </span>
            <span className={styles.alt}>No hero picture</span>
          </label>
        </li>
        {pictures.map((picture) => (
          <li key={picture.id} className={styles.card}>
            <label className={styles.choice} title={picture.alt}>
              <input type="radio" name="heroImageId" value={picture.id} defaultChecked={chosenId === picture.id} onChange={() => choose(picture)} onClick={() => choose(picture)} />
              <span className={styles.frame}>
                {/* The label's text is the alt text already: the thumbnail itself says nothing more. */}
                <Picture image={picture} place="picker" alt="" />
              </span>
              <span className={styles.alt}>
                {picture === pinned && <strong>Chosen: </strong>}
                {picture.alt}
              </span>
              {picture.credit && <span className={styles.credit}>{picture.credit}</span>}
            </label>
            {interactive ? (
              <button type="button" className={styles.insert} onClick={() => onInsert(picture)} aria-label={`Insert “${picture.alt}” in the body`}>
                Insert in body
              </button>
            ) : (
              <details className={styles.snippet}>
                <summary>Markdown for the body</summary>
                <code>{pictureSnippet(picture)}</code>
              </details>
            )}
          </li>
        ))}
      </ul>
      {results.pageCount > 1 && (
        <nav className={styles.pager} aria-label="Picture pages">
          <button {...browseButton(Math.max(1, results.page - 1))} className={styles.secondary} disabled={results.page <= 1} onClick={interactive ? () => search(results.q, results.page - 1) : undefined}>
            ← Newer
          </button>
          <span>
            Page {results.page} of {results.pageCount}
          </span>
          <button
            {...browseButton(Math.min(results.pageCount, results.page + 1))}
            className={styles.secondary}
            disabled={results.page >= results.pageCount}
            onClick={interactive ? () => search(results.q, results.page + 1) : undefined}
          >
            Older →
          </button>
        </nav>
      )}

      <details id="picture-upload" className={styles.upload} open={hasUploadErrors || undefined}>
        <summary>Upload a new picture</summary>
        {hasUploadErrors && (
          <p className={formStyles.formError} role="alert">
            The picture was not uploaded. {uploadErrors.file?.length ? uploadErrors.file.join(' ') : 'Please correct the highlighted fields.'}
          </p>
        )}
        {!interactive && <p className={formStyles.hint}>Without JavaScript, uploading reloads the editor: save your changes to the story first.</p>}
        <p className={formStyles.field}>
          <label htmlFor="picture-file">Image file</label>
          <span id="picture-file-hint" className={formStyles.hint}>
            JPEG, PNG, WebP or AVIF, up to {MAX_UPLOAD_LABEL}.
          </span>
          <input
            ref={fileInput}
            id="picture-file"
            name="file"
            type="file"
            accept={ACCEPTED_IMAGE_TYPES}
            form={PICTURE_UPLOAD_FORM_ID}
            aria-invalid={uploadErrors.file?.length ? true : undefined}
            aria-describedby="picture-file-hint"
            onChange={notAStoryEdit}
          />
        </p>
        <p className={formStyles.field}>
          <label htmlFor="picture-alt">Alternative text</label>
          <span id="picture-alt-hint" className={formStyles.hint}>
            What the picture shows, for readers who cannot see it.
          </span>
          <input
            ref={altInput}
            id="picture-alt"
            name="alt"
            form={PICTURE_UPLOAD_FORM_ID}
            defaultValue={upload.values.alt}
            aria-invalid={uploadErrors.alt?.length ? true : undefined}
            aria-describedby={`picture-alt-hint${uploadErrors.alt?.length ? ' picture-alt-error' : ''}`}
            onChange={notAStoryEdit}
          />
          {uploadErrors.alt?.length ? (
            <span id="picture-alt-error" className={formStyles.error}>
              {uploadErrors.alt.join(' ')}
            </span>
          ) : null}
        </p>
        <p className={formStyles.field}>
          <label htmlFor="picture-credit">Credit (optional)</label>
          <input
            ref={creditInput}
            id="picture-credit"
            name="credit"
            form={PICTURE_UPLOAD_FORM_ID}
            defaultValue={upload.values.credit}
            aria-invalid={uploadErrors.credit?.length ? true : undefined}
            aria-describedby={uploadErrors.credit?.length ? 'picture-credit-error' : undefined}
            onChange={notAStoryEdit}
          />
          {uploadErrors.credit?.length ? (
            <span id="picture-credit-error" className={formStyles.error}>
              {uploadErrors.credit.join(' ')}
            </span>
          ) : null}
        </p>
        <button
          type={interactive ? 'button' : 'submit'}
          form={PICTURE_UPLOAD_FORM_ID}
          className={styles.secondary}
          aria-disabled={uploading || undefined}
          onClick={
            interactive
              ? () => {
                  if (!uploading) void sendUpload();
                }
              : undefined
          }
        >
          {uploading ? 'Uploading…' : 'Upload and choose'}
        </button>
      </details>
    </div>
  );
}
