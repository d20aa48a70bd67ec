import fs from 'node:fs';
import path from 'node:path';

import { expect, test, type APIRequestContext } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';
import { signIn } from '../support/sign-in';

/*
 * Plain actions posted by someone without the capability, as an attacker would: a raw request carrying the action's
 * id (read from the build's server-reference manifest), to a public page and to the dashboard page that holds the
 * form. The answer is a 4xx with no internals, never a 500 (docs/adr/0018).
 */

type Manifest = { node: Record<string, { filename?: string; exportedName?: string }> };

function actionId(filename: string, exportedName: string): string {
  const file = path.join(process.env.E2E_DIST_DIR ?? '.next-e2e', 'server', 'server-reference-manifest.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === filename && entry.exportedName === exportedName);
  if (!found) throw new Error(`${filename} ${exportedName} is not in the build's server-reference manifest`);
  return found[0];
}

/** A form post the way React sends it (multipart), or a called action's arguments (JSON text). */
async function post(request: APIRequestContext, at: string, id: string, body: { form: Record<string, string> } | { args: readonly unknown[] }) {
  const headers = { 'Next-Action': id, Accept: 'text/x-component', Origin: new URL(at, 'http://127.0.0.1').origin };
  const response =
    'form' in body
      ? await request.post(at, { headers, multipart: body.form, maxRedirects: 0 })
      : await request.post(at, { headers: { ...headers, 'Content-Type': 'text/plain;charset=UTF-8' }, data: JSON.stringify(body.args), maxRedirects: 0 });
  return { status: response.status(), text: await response.text() };
}

const attempts = [
  { name: 'moveSectionAction', id: () => actionId('actions/sections.ts', 'moveSectionAction'), body: { form: { id: '1', direction: 'up' } }, page: '/dashboard/sections' },
  { name: 'previewMarkdownAction', id: () => actionId('actions/articles.ts', 'previewMarkdownAction'), body: { args: ['**hello**'] }, page: '/dashboard/articles/new' },
] as const;

/**
 * Posted to the dashboard page: the proxy's 404 (the action is not there for this caller). Posted to another page:
 * Next forwards it to a page that holds it, gets that 404 with Next's action-not-found marker, and answers 409
 * ("Server Action unavailable"). The action itself answers 403 (forbidden()) if it is ever reached.
 */
function expectRefusal(answer: { status: number; text: string }) {
  expect([403, 404, 409]).toContain(answer.status);
  // No stack trace, no error text of the server's.
  expect(answer.text).not.toMatch(/\bat .+\.(js|ts):\d+|Error:|ForbiddenError|digest/);
}

test.describe('plain actions without permission', () => {
  for (const attempt of attempts) {
    test(`${attempt.name}: anonymous and reader get 4xx, not 500`, async ({ page, baseURL }) => {
      const id = attempt.id();
      const front = new URL('/', baseURL).toString();
      expectRefusal(await post(page.request, front, id, attempt.body));

      await signIn(page, fixture.commenter);
      expectRefusal(await post(page.request, front, id, attempt.body));
      expectRefusal(await post(page.request, new URL(attempt.page, baseURL).toString(), id, attempt.body));
    });
  }
});
