import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, it, vi } from 'vitest';

vi.mock('@/auth', () => ({ auth: async () => null, signInWithPassword: async () => ({ reason: 'invalid' }), signOut: async () => undefined }));
const { isBuiltAction } = await import('./define');

/*
 * Every server action goes through ./define (docs/adr/0018): this fails when one is written any other way. Two checks,
 * each shown to fail on a deliberately wrong fixture below: the source of every 'use server' file (no hand-written
 * exports, no try/catch or logging of its own), and every export at run time (made by the builders).
 */

const folder = import.meta.dirname;
const serverFiles = fs
  .readdirSync(folder)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
  .filter((name) => /^\s*['"]use server['"]/.test(fs.readFileSync(path.join(folder, name), 'utf8')));

/** What in a 'use server' file's source bypasses the one way; empty when it is all built by ./define. */
function bypasses(source: string): string[] {
  const problems: string[] = [];
  for (const match of source.matchAll(/^export\s+(?!type\b|const\s+\w+\s*=\s*\w+(?:<[^>]*>\(\))?\(\{)(.*)$/gm)) problems.push(`hand-written export: ${match[1]!.trim()}`);
  if (/\btry\s*\{/.test(source)) problems.push('a try/catch of its own (./define maps errors)');
  if (/console\.(error|warn|log)\(/.test(source)) problems.push('logging of its own (./define logs with the action name)');
  return problems;
}

describe('every action goes through actions/define.ts', () => {
  it('finds the seventeen action files', () => {
    expect(serverFiles.sort()).toEqual(['account-email.ts', 'account-removal.ts', 'account.ts', 'articles.ts', 'auth.ts', 'authors.ts', 'comments.ts', 'curation.ts', 'images.ts', 'live-entries.ts', 'moderation.ts', 'newsletter-issues.ts', 'newsletters.ts', 'password-reset.ts', 'people.ts', 'review.ts', 'sections.ts', 'tags.ts']);
  });

  it.each(serverFiles)('%s: no export, try/catch or logging of its own', (name) => {
    expect(bypasses(fs.readFileSync(path.join(folder, name), 'utf8'))).toEqual([]);
  });

  it.each(serverFiles)('%s: every export was made by a builder of ./define', async (name) => {
    const exports = Object.entries(await import(/* @vite-ignore */ path.join(folder, name)));
    expect(exports.length).toBeGreaterThan(0);
    expect(exports.filter(([, value]) => !isBuiltAction(value)).map(([key]) => key)).toEqual([]);
  });

  it('counts 55 actions', async () => {
    const modules = await Promise.all(serverFiles.map((name) => import(/* @vite-ignore */ path.join(folder, name))));
    expect(modules.flatMap((module) => Object.values(module)).filter(isBuiltAction)).toHaveLength(68);
  });

  it('the checks fail on an action written by hand (deliberately wrong fixtures)', () => {
    const handWritten = `'use server';
export const fine = formAction({ name: 'fine' });
export const alsoFine = formActionsOf<ArticleActionResult>()({ name: 'alsoFine' });
export type Fine = { ok: boolean };
export async function sneakyAction(formData: FormData) {
  try {
    await doIt(formData);
  } catch (error) {
    console.error(error);
  }
}
export const wrapped = async (formData: FormData) => fine(formData);`;
    expect(bypasses(handWritten)).toEqual([
      'hand-written export: async function sneakyAction(formData: FormData) {',
      'hand-written export: const wrapped = async (formData: FormData) => fine(formData);',
      'a try/catch of its own (./define maps errors)',
      'logging of its own (./define logs with the action name)',
    ]);
    expect(isBuiltAction(async (formData: FormData) => formData)).toBe(false);
  });
});
