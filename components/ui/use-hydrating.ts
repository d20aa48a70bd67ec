'use client';

import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

/**
 * True while React hydrates the server's HTML (and while rendering on the server); false in every later render
 * and in a component first mounted on the client (a client-side navigation, a remount).
 */
export function useIsHydrating(): boolean {
  return useSyncExternalStore(noSubscription, () => false, () => true);
}

/** The same text, whatever its line endings (the HTML parser and a textarea's value both use \n). */
export function sameText(a: string, b: string): boolean {
  return a.replace(/\r\n?/g, '\n') === b.replace(/\r\n?/g, '\n');
}

/** Each server-rendered textarea's own text, as the parser left it: React changes `defaultValue` as it hydrates. */
const serverTexts = new WeakMap<HTMLTextAreaElement, string>();

/**
 * The text a `<textarea>` should be rendered with. Hydrating a textarea, react-dom sets the element's value to the
 * value it is rendered with (`initTextarea`, for `value` and `defaultValue` alike), so whatever was typed into the
 * server's textarea before the page's JavaScript ran would be replaced by the server's text. While hydrating,
 * this returns the element's current text instead (what is on screen), which leaves the element as it is;
 * otherwise, and on the server, it returns `value`. Runs again when a keystroke during hydration makes React
 * restart it, so the latest text is the one kept.
 */
export function useTextAreaValueAtHydration(id: string, value: string): string {
  const hydrating = useIsHydrating();
  if (!hydrating || typeof document === 'undefined') return value;
  const element = document.getElementById(id);
  if (!(element instanceof HTMLTextAreaElement)) return value;
  if (!serverTexts.has(element)) serverTexts.set(element, element.defaultValue);
  // Only the textarea the server rendered with this very text (never another element that shares the id).
  return sameText(serverTexts.get(element) ?? '', value) ? element.value : value;
}
