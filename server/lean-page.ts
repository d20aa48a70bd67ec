import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { buildSync } from 'esbuild';

/**
 * A page for anonymous readers without the framework runtime (docs/adr/0032). A public page is complete as HTML (the
 * site is read without JavaScript); what a reader's browser does with scripts there is small and lives in
 * components/page-script. So the page cache stores a rendered page without Next's scripts, its React payload or its
 * script preloads, and with the page script inlined at the end of the body instead, under the render's nonce (the
 * hole every response fills with its own). A page that still needs its scripts to show what it rendered (a
 * boundary React streamed in) keeps them.
 */

const ENTRY = fileURLToPath(new URL('../components/page-script/main.ts', import.meta.url));

let bundled: string | null = null;

/** The page script (components/page-script/main.ts) as one minified inline script, built once per process. */
export function pageScript(): string {
  if (bundled === null) {
    const result = buildSync({
      entryPoints: [ENTRY],
      bundle: true,
      format: 'iife',
      minify: true,
      target: 'es2020',
      write: false,
      tsconfig: path.join(path.dirname(ENTRY), '../../tsconfig.json'),
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.text.trim();
    // Inline, so it must not be able to end its own element.
    if (/<\/script|<!--/i.test(code)) throw new Error('the page script cannot be inlined: it contains "</script" or "<!--"');
    bundled = code;
  }
  return bundled;
}

const SCRIPT_ELEMENT = /<script\b([^>]*)>[\s\S]*?<\/script\s*>/gi;
/** Script types the browser treats as data (JSON-LD): kept. */
const DATA_BLOCK = /\stype="application\/(?:ld\+)?json"/i;
const LINK_ELEMENT = /<link\b[^>]*>/gi;
const SCRIPT_PRELOAD = /\srel="modulepreload"|\sas="script"/i;
/** React's instructions that reveal a streamed boundary: without them its content stays hidden. */
const STREAMED_BOUNDARY = /\$R[CSX]\(|<template id="B:/;

/**
 * The HTML `html` without Next's runtime and with the page script, run under `nonce` (the one the page was rendered
 * with); null when the page must keep its runtime.
 */
export function withoutRuntime(html: string, nonce: string): string | null {
  const end = html.lastIndexOf('</body>');
  if (end === -1 || STREAMED_BOUNDARY.test(html)) return null;
  const stripped = (text: string) =>
    text.replace(SCRIPT_ELEMENT, (element, attributes: string) => (DATA_BLOCK.test(attributes) ? element : '')).replace(LINK_ELEMENT, (link) => (SCRIPT_PRELOAD.test(link) ? '' : link));
  return `${stripped(html.slice(0, end))}<script nonce="${nonce}">${pageScript()}</script>${stripped(html.slice(end))}`;
}
