/** The story editor's picture picker (docs/adr/0014): shared by the editor pages, the search action and the form. */

import { cleanQuery } from './validation/search';

export const PICKER_PAGE_SIZE = 12;

/** What the picker shows of a library picture. */
export type PickerPicture = { id: number; src: string; srcSet: string | null; alt: string; credit: string; width: number; height: number };

export type PickerPage = { q: string; page: number; pageCount: number; total: number; items: PickerPicture[] };

export type PickerData = PickerPage & {
  /** The picture the story's hero is now, or was just given (after an upload without JavaScript); pinned first. */
  chosen: PickerPicture | null;
  /** Set when the editor came back from an upload without JavaScript: that picture is chosen but not saved yet. */
  justUploaded: boolean;
};

export function toPickerPicture(image: PickerPicture): PickerPicture {
  return { id: image.id, src: image.src, srcSet: image.srcSet, alt: image.alt, credit: image.credit, width: image.width, height: image.height };
}

/**
 * The editor's address that shows the picker at a search and page (no JavaScript: the story form's Search and page
 * buttons save the story, then come back here; nothing typed is lost).
 */
export function pickerReturnPath(path: string, q: string, page: number, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  if (q) params.set('pictures', q);
  if (page > 1) params.set('picturesPage', String(page));
  const query = params.toString();
  return `${path}${query ? `?${query}` : ''}#hero-picture`;
}

/** Where an upload from the editor may send the browser back to: the editor of a story, or the new-story page. */
export function editorReturnPath(value: unknown): string | null {
  return typeof value === 'string' && /^\/dashboard\/articles\/(new|[1-9][0-9]{0,9})$/.test(value) ? value : null;
}

/**
 * The page to go back to after a story form was sent by the picker's Search or page button without JavaScript
 * (`pictureBrowse` holds the page, `pictureQuery` the search), or null for an ordinary Save.
 */
export function pictureBrowsePath(formData: FormData, path: string, extra: Record<string, string> = {}): string | null {
  const page = formData.get('pictureBrowse');
  if (typeof page !== 'string' || !/^[1-9][0-9]{0,3}$/.test(page)) return null;
  const query = formData.get('pictureQuery');
  return pickerReturnPath(path, cleanQuery(typeof query === 'string' ? query : ''), Number(page), extra);
}

/** The editor page's `?pictures=…&picturesPage=N`: never fails (anything odd is the first page of everything). */
export function pickerParams(params: Record<string, string | string[] | undefined>): { q: string; page: number } {
  const text = (name: string) => {
    const value = params[name];
    return typeof value === 'string' ? value : '';
  };
  const page = text('picturesPage');
  return { q: cleanQuery(text('pictures')), page: /^[1-9][0-9]{0,3}$/.test(page) ? Number(page) : 1 };
}

/** Where the editor's upload posts: the upload route, told which editor to come back to (no JavaScript). */
export function pictureUploadPath(articleId: number | null): string {
  return `/api/images?returnTo=${encodeURIComponent(articleId === null ? '/dashboard/articles/new' : `/dashboard/articles/${articleId}`)}`;
}
