'use client';

import { type RefObject, useEffect, useRef, useState, useSyncExternalStore, useTransition } from 'react';

import { previewMarkdownAction } from '@/actions/articles';
import { sameText, useTextAreaValueAtHydration } from '@/components/ui/use-hydrating';
import { pictureSnippetParts } from '@/lib/body-pictures';
import { LINK_PLACEHOLDER, markdownLinkDestination } from '@/lib/markdown-link';
import type { PickerPicture } from '@/lib/picture-picker';

import articleView from '@/components/article/article-view.module.css';
import figureStyles from '@/components/article/body-figures.module.css';
import formStyles from '@/components/ui/form.module.css';

import editor from './article-editor.module.css';
import { MarkdownLinkField } from './markdown-link-field';

type Edit = { before: string; after: string; placeholder: string; block?: boolean };

/** The Link tool asks for the address first (MarkdownLinkField), then inserts `[selection](address)`. */
const TOOLS: { label: string; title: string; edit: Edit | 'link' }[] = [
  { label: 'B', title: 'Bold', edit: { before: '**', after: '**', placeholder: 'bold text' } },
  { label: 'I', title: 'Italic', edit: { before: '_', after: '_', placeholder: 'italic text' } },
  { label: 'H2', title: 'Heading', edit: { before: '## ', after: '', placeholder: 'Heading', block: true } },
  { label: 'Link', title: 'Link', edit: 'link' },
  { label: '• List', title: 'Bulleted list', edit: { before: '- ', after: '', placeholder: 'List item', block: true } },
  { label: '“ Quote', title: 'Quotation', edit: { before: '> ', after: '', placeholder: 'Quotation', block: true } },
];

const noSubscription = () => () => {};

/**
 * The story's Markdown with a small formatting toolbar and a live preview made by the server's own pipeline (the
 * one the public page uses). Without JavaScript it is a plain textarea (no toolbar: its buttons would do nothing);
 * the preview page shows the result.
 */
export function MarkdownBodyField({
  initial,
  errors,
  onEdit,
  insertRef,
}: {
  initial: string;
  errors?: string[];
  onEdit: () => void;
  /** Set to this field's "put a picture at the cursor" (the picture picker's Insert in body). */
  insertRef?: RefObject<((picture: PickerPicture) => void) | null>;
}) {
  // Starts from what is in the box when the page hydrates: text typed into the server's textarea before the
  // JavaScript ran is kept (React would otherwise put `initial` back), and it is an edit to autosave.
  const atHydration = useTextAreaValueAtHydration('body', initial);
  const [body, setBody] = useState(atHydration);
  const [typedBeforeHydration] = useState(() => !sameText(atHydration, initial));
  const reportedTyping = useRef(false);
  const [html, setHtml] = useState<string | null>(null);
  const [isRendering, startRendering] = useTransition();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const selection = useRef<[number, number] | null>(null);
  // False on the server and while hydrating, true once this component runs in the browser.
  const interactive = useSyncExternalStore(noSubscription, () => true, () => false);
  const [askingForLink, setAskingForLink] = useState(false);

  useEffect(() => {
    if (typedBeforeHydration && !reportedTyping.current) {
      reportedTyping.current = true;
      onEdit();
    }
  }, [typedBeforeHydration, onEdit]);

  useEffect(() => {
    const timer = setTimeout(() => {
      startRendering(async () => {
        const result = await previewMarkdownAction(body);
        setHtml(result.html);
      });
    }, 400);
    return () => clearTimeout(timer);
  }, [body]);

  useEffect(() => {
    if (selection.current && textarea.current) {
      textarea.current.focus();
      textarea.current.setSelectionRange(...selection.current);
      selection.current = null;
    }
  }, [body]);

  // A picture is a paragraph of its own: blank lines around it, the caption selected to type over.
  useEffect(() => {
    if (!insertRef) return;
    insertRef.current = (picture) => {
      const element = textarea.current;
      const start = element?.selectionStart ?? body.length;
      const end = element?.selectionEnd ?? body.length;
      const head = body.slice(0, start).replace(/[ \t]+$/, '');
      const tail = body.slice(end).replace(/^[ \t]+/, '');
      const lead = head === '' || head.endsWith('\n\n') ? '' : head.endsWith('\n') ? '\n' : '\n\n';
      const trail = tail === '' ? '\n' : tail.startsWith('\n\n') ? '' : tail.startsWith('\n') ? '\n' : '\n\n';
      const { before, after } = pictureSnippetParts(picture);
      const caption = 'Caption';
      const from = head.length + lead.length + before.length;
      setBody(`${head}${lead}${before}${caption}${after}${trail}${tail}`);
      selection.current = [from, from + caption.length];
      onEdit();
    };
    return () => {
      insertRef.current = null;
    };
  });

  function apply(edit: Edit) {
    const element = textarea.current;
    if (!element) return;
    const { selectionStart: start, selectionEnd: end } = element;
    const chosen = body.slice(start, end) || edit.placeholder;
    const needsNewLine = edit.block && start > 0 && body[start - 1] !== '\n';
    const before = `${needsNewLine ? '\n' : ''}${edit.before}`;
    setBody(`${body.slice(0, start)}${before}${chosen}${edit.after}${body.slice(end)}`);
    selection.current = [start + before.length, start + before.length + chosen.length];
    onEdit();
  }

  return (
    <div className={editor.markdownField}>
      <p className={formStyles.field}>
        <label htmlFor="body">Body (Markdown)</label>
        <span id="body-hint" className={formStyles.hint}>
          Paragraphs are separated by a blank line. ## for a subheading, - for a list, &gt; for a quotation. A picture from the library goes on a line of its own:{' '}
          <code>![Alt text](/media/file.webp &quot;Caption | Credit&quot;)</code>. Use Insert in body under Hero picture, or copy a picture’s Markdown from there.
        </span>
        {interactive && (
          <span className={editor.toolbar} role="toolbar" aria-label="Formatting" aria-controls="body">
            {TOOLS.map(({ edit, label, title }) => (
              <button
                key={title}
                type="button"
                title={title}
                aria-label={title}
                aria-expanded={edit === 'link' ? askingForLink : undefined}
                aria-controls={edit === 'link' && askingForLink ? 'body-link' : undefined}
                onClick={() => (edit === 'link' ? setAskingForLink(!askingForLink) : apply(edit))}
              >
                {label}
              </button>
            ))}
          </span>
        )}
        {interactive && askingForLink && (
          <MarkdownLinkField
            id="body-link"
            onInsert={(address) => {
              setAskingForLink(false);
              // The text selected now (a textarea keeps its selection while the address is typed) becomes the link.
              apply({ before: '[', after: `](${markdownLinkDestination(address)})`, placeholder: LINK_PLACEHOLDER });
            }}
            onCancel={() => {
              setAskingForLink(false);
              textarea.current?.focus();
            }}
          />
        )}
        <textarea
          ref={textarea}
          id="body"
          name="body"
          rows={18}
          value={body}
          onChange={(event) => {
            setBody(event.target.value);
            onEdit();
          }}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={`body-hint${errors?.length ? ' body-error' : ''}`}
        />
        {errors?.length ? (
          <span id="body-error" className={formStyles.error}>
            {errors.join(' ')}
          </span>
        ) : null}
      </p>
      <section className={editor.preview} aria-labelledby="live-preview-title" aria-busy={isRendering}>
        <h2 id="live-preview-title" className={editor.previewTitle}>Live preview</h2>
        {/* Rendered by lib/markdown.ts on the server: raw HTML dropped, allow-list sanitiser, as on the public page. */}
        {html === null ? <p className={formStyles.hint}>The preview appears here as you type.</p> : <div className={`${articleView.prose} ${figureStyles.figures}`} dangerouslySetInnerHTML={{ __html: html }} />}
      </section>
    </div>
  );
}
