'use client';

import { useEffect } from 'react';

import { enhancePage } from './enhance';

/**
 * The page's behaviour (./enhance.ts) on a page React renders for a signed-in reader. A cached page an anonymous
 * reader gets has no React; it runs the same code as its one inline script (server/lean-page.ts).
 */
export function PageScript() {
  useEffect(() => enhancePage(document), []);
  return null;
}
