'use client';

import { useCallback, useState } from 'react';

import type { ArticleSnapshot } from '@/lib/article-snapshot';
import type { PickerData } from '@/lib/picture-picker';
import type { UploadFeedback } from '@/lib/validation/images';

import { ArticleEditorForm, type EditorOptions } from './article-editor-form';
import editor from './article-editor.module.css';
import { ArticleWorkflow, type WorkflowProps } from './article-workflow';
import { PictureUploadForm } from './picture-picker';

/**
 * The editor and the workflow side by side, sharing the story's version: after an autosave, Publish is based on
 * the text just saved and offers "Publish changes" (without JavaScript every post reloads the page, which reads
 * both afresh).
 */
export function ArticleWorkspace({
  snapshot,
  relatedSlugs,
  options,
  pictures,
  upload,
  workflow,
  review,
}: {
  snapshot: ArticleSnapshot;
  relatedSlugs: string[];
  options: EditorOptions;
  pictures: PickerData;
  upload: UploadFeedback;
  workflow: WorkflowProps;
  review?: React.ReactNode;
}) {
  const [version, setVersion] = useState(workflow.version);
  const [hasPendingChanges, setHasPendingChanges] = useState(workflow.hasPendingChanges);
  const onSaved = useCallback((saved: { version: number; isPendingPublication: boolean }) => {
    setVersion(saved.version);
    if (saved.isPendingPublication) setHasPendingChanges(true);
  }, []);
  return (
    <div className={editor.workspace}>
      <ArticleEditorForm articleId={workflow.articleId} version={version} snapshot={snapshot} relatedSlugs={relatedSlugs} options={options} pictures={pictures} upload={upload} onSaved={onSaved} />
      <PictureUploadForm articleId={workflow.articleId} />
      <aside className={editor.side} aria-label="Workflow">
        <ArticleWorkflow {...workflow} version={version} hasPendingChanges={hasPendingChanges} />
        {/* The review loop's server-rendered forms and desk notes (components/dashboard/article-review.tsx). */}
        {review}
      </aside>
    </div>
  );
}
