'use client';

import { useEffect, useRef, useState, useTransition } from 'react';

import { previewMarkdownAction } from '@/actions/articles';

type Edit = { before: string; after: string; placeholder: string; block?: boolean };

const TOOLS: { label: string; title: string; edit: Edit }[] = [
  { label: 'B', title: 'Bold', edit: { before: '**', after: '**', placeholder: 'bold text' } },
  { label: 'I', title: 'Italic', edit: { before: '_', after: '_', placeholder: 'italic text' } },
  { label: 'H2', title: 'Heading', edit: { before: '## ', after: '', placeholder: 'Heading', block: true } },
  { label: 'Link', title: 'Link', edit: { before: '[', after: '](https://)', placeholder: 'link text' } },
  { label: '• List', title: 'Bulleted list', edit: { before: '- ', after: '', placeholder: 'List item', block: true } },
  { label: '“ Quote', title: 'Quotation', edit: { before: '> ', after: '', placeholder: 'Quotation', block: true } },
];

/**
 * The story's Markdown with a small formatting toolbar and a live preview made by the server's own pipeline (the
 * one the public page uses). Without JavaScript it is a plain textarea; the preview page shows the result.
 */
export function MarkdownBodyField({ initial, errors, onEdit }: { initial: string; errors?: string[]; onEdit: () => void }) {
  const [body, setBody] = useState(initial);
  const [html, setHtml] = useState<string | null>(null);
  const [isRendering, startRendering] = useTransition();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const selection = useRef<[number, number] | null>(null);

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
    <div className="markdown-field">
      <p className="field">
        <label htmlFor="body">Body (Markdown)</label>
        <span id="body-hint" className="field__hint">
          Paragraphs are separated by a blank line. ## for a subheading, - for a list, &gt; for a quotation.
        </span>
        <span className="markdown-field__toolbar" role="toolbar" aria-label="Formatting" aria-controls="body">
          {TOOLS.map((tool) => (
            <button key={tool.title} type="button" title={tool.title} aria-label={tool.title} onClick={() => apply(tool.edit)}>
              {tool.label}
            </button>
          ))}
        </span>
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
          <span id="body-error" className="field__error">
            {errors.join(' ')}
          </span>
        ) : null}
      </p>
      <section className="markdown-field__preview" aria-labelledby="live-preview-title" aria-busy={isRendering}>
        <h2 id="live-preview-title">Live preview</h2>
        {/* Rendered by lib/markdown.ts on the server: raw HTML dropped, allow-list sanitiser, as on the public page. */}
        {html === null ? <p className="field__hint">The preview appears here as you type.</p> : <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />}
      </section>
    </div>
  );
}
