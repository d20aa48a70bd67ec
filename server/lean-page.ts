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

/** The bundle once built; null when it could not be (then pages keep their runtime). */
let bundled: { code: string } | null | undefined;

/**
 * The page script (components/page-script/main.ts) as one minified inline script, built once per process (the
 * front builds it as it starts). Null when it cannot be built: that is said once in the log, and pages are then
 * stored with Next's runtime, as before docs/adr/0032, rather than not at all.
 */
export function pageScript(): string | null {
  if (bundled === undefined) {
    try {
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
      if (/<\/script|<!--/i.test(code)) throw new Error('it contains "</script" or "<!--"');
      bundled = { code };
    } catch (error) {
      console.error(`[front] the page script could not be built (${error instanceof Error ? error.message : String(error)}): cached pages keep Next's runtime`);
      bundled = null;
    }
  }
  return bundled?.code ?? null;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** Next's script preloads and module preloads: links to its own script files. */
const SCRIPT_PRELOAD = /<link\b(?=[^>]*\shref="\/_next\/)(?=[^>]*(?:\srel="modulepreload"|\sas="script"))[^>]*>/gi;
/**
 * A boundary React streamed in or left to the client (`<!--$?-->` with its `<template id="B:…">`, `<!--$!-->`): its
 * content shows only once a script reveals it. Content cannot forge `<template id="B:` (a quote in it is escaped);
 * a comment marker in an attribute's text only keeps the runtime, which is harmless.
 */
const STREAMED_BOUNDARY = /<template id="B:|<!--\$[?!]-->/;

/**
 * The HTML `html` without Next's runtime and with the page script, run under `nonce` (the one the page was rendered
 * with); null when the page must keep its runtime. Only scripts carrying the nonce are removed: every script Next
 * and React write has it, and nothing a story's text holds can (an attribute may contain "<script"), so content is
 * never cut. JSON-LD data blocks carry no nonce and stay.
 */
export function withoutRuntime(html: string, nonce: string): string | null {
  const end = html.lastIndexOf('</body>');
  const script = pageScript();
  if (end === -1 || script === null || STREAMED_BOUNDARY.test(html)) return null;
  const ownScript = new RegExp(`<script\\b[^>]*\\snonce="${escape(nonce)}"[^>]*>[\\s\\S]*?</script\\s*>`, 'gi');
  const stripped = (text: string) => text.replace(ownScript, '').replace(SCRIPT_PRELOAD, '');
  return `${stripped(html.slice(0, end))}<script nonce="${nonce}">${script}</script>${stripped(html.slice(end))}`;
}
