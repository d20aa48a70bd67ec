import fs from 'node:fs';
import path from 'node:path';

import { expect, test, type APIResponse } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';

/**
 * Requests an attacker would send by hand (docs/adr/0019): each must get a 4xx that says nothing about the server.
 * Raw HTTP, no browser: a browser would never send most of these.
 */

type ManifestEntry = { filename?: string; exportedName?: string };

/** The server references of the build under test, by the file they come from (what the proxy reads too). */
function serverReferences(): { id: string; filename: string }[] {
  const file = path.join(process.env.E2E_DIST_DIR ?? '.next-e2e', 'server', 'server-reference-manifest.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { node: Record<string, ManifestEntry> };
  return Object.entries(manifest.node).map(([id, entry]) => ({ id, filename: entry.filename ?? '' }));
}

const references = serverReferences();
const cachedReads = references.filter((reference) => reference.filename.startsWith('data/'));
const projectAction = references.find((reference) => reference.filename.startsWith('actions/'))!;
const articlePath = `/${fixture.politics.slug}/${fixture.budget.slug}`;

/** The status, and a body that names no file, stack frame or error internals. */
async function expectPlainRefusal(response: APIResponse, status: number) {
  const body = await response.text();
  expect(response.status(), body.slice(0, 300)).toBe(status);
  expect(body).not.toMatch(/\bat \S+ \(|\.(?:ts|tsx|js|mjs):\d+|node_modules|\/work\/|digest|Error:|authorId|userId/);
}

function callAction(id: string, data: string | Buffer, headers: Record<string, string> = {}) {
  return { headers: { 'Next-Action': id, 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component', ...headers }, data, maxRedirects: 0 };
}

test('a cached read cannot be called from outside as a server action, with any arguments', async ({ request }) => {
  expect(cachedReads.length).toBeGreaterThan(0);
  expect(cachedReads.some((reference) => reference.filename === 'data/comments.ts')).toBe(true);
  for (const { id } of cachedReads) {
    // The comment thread of a story with comments, the related stories of every id, and arguments of the wrong type.
    for (const args of ['[1]', '[2]', '[3]', '["x"]', '[{"kind":"tag","id":"1 or 1=1"}]']) {
      await expectPlainRefusal(await request.post(articlePath, callAction(id, args)), 404);
    }
  }
  // Sent as a form without JavaScript, which names the action in a field instead of a header.
  const form = { [`$ACTION_ID_${cachedReads[0]!.id}`]: '', '1': '1' };
  await expectPlainRefusal(await request.post(articlePath, { multipart: form, maxRedirects: 0 }), 404);
});

test('the site\'s own actions are still let through to Next', async ({ request }) => {
  const response = await request.post(articlePath, callAction(projectAction.id, '[]'));
  expect(await response.text()).not.toMatch(/^(There is no such action|This request could not be read|This form belongs to another site|This request is too large)\.$/);
});

test('malformed or oversized action bodies answer 400 or 413', async ({ request }) => {
  await expectPlainRefusal(await request.post(articlePath, callAction(projectAction.id, '[{"a":')), 400);
  const truncated = '--XYZ\r\nContent-Disposition: form-data; name="1_body"\r\n\r\nhello';
  await expectPlainRefusal(await request.post(articlePath, callAction(projectAction.id, truncated, { 'Content-Type': 'multipart/form-data; boundary=XYZ' })), 400);
  await expectPlainRefusal(await request.post(articlePath, callAction(projectAction.id, Buffer.from([0xff, 0xfe, 0x5b, 0x5d]))), 400);
  await expectPlainRefusal(await request.post(articlePath, callAction(projectAction.id, 'a'.repeat(3 * 1024 * 1024))), 413);
});

test('an action posted from another site answers 403', async ({ request }) => {
  await expectPlainRefusal(await request.post(articlePath, callAction(projectAction.id, '[]', { Origin: 'https://evil.example' })), 403);
  await expectPlainRefusal(await request.post(articlePath, callAction(projectAction.id, '[]', { Origin: 'null' })), 403);
  await expectPlainRefusal(await request.post(articlePath, callAction(projectAction.id, '[]', { 'Sec-Fetch-Site': 'cross-site' })), 403);
});

test('addresses that are not valid percent-encoding answer 400', async ({ request }) => {
  for (const address of ['/media/%ff', '/api/auth/%ff', '/api/images/%c0%af', `/${fixture.politics.slug}/%ff`]) {
    await expectPlainRefusal(await request.get(address, { maxRedirects: 0 }), 400);
  }
});
