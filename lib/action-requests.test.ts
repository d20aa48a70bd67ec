import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { ACTION_BODY_LIMIT_BYTES, formActionIds, loadProjectActionIds, projectActionIds, refuseActionRequest } from './action-requests';

const SITE = 'https://news.example';
const ACTION = '60c5875fe4a20d92de318f57639627d2704d9399b1';
const CACHED_READ = 'e0c67ee95f82d376991d82ba97188cf5956290d3a6';

/** A build's server-reference manifest as Next 16 writes it (trimmed to what is read). */
const manifest = {
  node: {
    [ACTION]: { workers: { 'app/(site)/[section]/[slug]/page': { moduleId: 1, async: true } }, filename: 'actions/comments.ts', exportedName: 'postCommentAction' },
    [CACHED_READ]: { workers: { 'app/(site)/[section]/[slug]/page': { moduleId: 2, async: true } }, filename: 'data/comments.ts', exportedName: '$$RSC_SERVER_CACHE_2' },
    '7f00': { workers: {}, filename: 'node_modules/some-lib/actions/x.js', exportedName: 'x' },
    '7f01': { workers: {}, exportedName: 'noFile' },
  },
  edge: { '7f02': { workers: {}, filename: 'actions/edge.ts', exportedName: 'y' } },
  encryptionKey: 'k',
};
const allowed = projectActionIds(manifest);

function post(headers: Record<string, string>, body?: BodyInit): Request {
  return new Request(`${SITE}/politics/a-story`, { method: 'POST', headers, body });
}
const call = (id: string, body: BodyInit, headers: Record<string, string> = {}) => post({ 'next-action': id, 'content-type': 'text/plain;charset=UTF-8', ...headers }, body);
const statusOf = async (request: Request, ids: ReadonlySet<string> | null = allowed) => (await refuseActionRequest(request, ids, SITE))?.status ?? 'through';

describe('projectActionIds', () => {
  it('allows the files in actions/ only: no cached read, nothing from a package, nothing without a source', () => {
    expect([...allowed].sort()).toEqual([ACTION, '7f02'].sort());
  });

  it('reads the manifest of the build in a folder, and refuses to start without one', () => {
    const distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'action-ids-'));
    expect(() => loadProjectActionIds(distDir)).toThrow(/ENOENT/);
    fs.mkdirSync(path.join(distDir, 'server'));
    fs.writeFileSync(path.join(distDir, 'server', 'server-reference-manifest.json'), JSON.stringify(manifest));
    expect(loadProjectActionIds(distDir)).toEqual(allowed);
    fs.rmSync(distDir, { recursive: true });
  });
});

describe('formActionIds', () => {
  it('finds the action a form names without JavaScript, plain or with bound arguments', () => {
    const plain = new FormData();
    plain.set(`$ACTION_ID_${ACTION}`, '');
    plain.set('body', 'hello');
    expect(formActionIds(plain)).toEqual([ACTION]);
    const bound = new FormData();
    bound.set('$ACTION_REF_1', '');
    bound.set('$ACTION_1:0', JSON.stringify({ id: CACHED_READ, bound: '$@1' }));
    expect(formActionIds(bound)).toEqual([CACHED_READ]);
    expect(formActionIds(new FormData())).toEqual([]);
  });

  it('is null for a reference it cannot read', () => {
    const broken = new FormData();
    broken.set('$ACTION_REF_1', '');
    broken.set('$ACTION_1:0', '{"id":');
    expect(formActionIds(broken)).toBeNull();
    const missing = new FormData();
    missing.set('$ACTION_REF_2', '');
    expect(formActionIds(missing)).toBeNull();
  });
});

describe('refuseActionRequest', () => {
  it('lets the site\'s own actions through, from this site or from a script that names no site', async () => {
    expect(await statusOf(call(ACTION, '["$K1"]'))).toBe('through');
    expect(await statusOf(call(ACTION, '[]', { origin: SITE, 'sec-fetch-site': 'same-origin' }))).toBe('through');
    const form = new FormData();
    form.set('1_body', 'hello');
    expect(await statusOf(post({ 'next-action': ACTION }, form))).toBe('through');
  });

  it('leaves reads and ordinary posts alone', async () => {
    expect(await statusOf(new Request(`${SITE}/`, { headers: { 'next-action': CACHED_READ } }))).toBe('through');
    expect(await statusOf(post({ 'content-type': 'application/x-www-form-urlencoded' }, 'a=1'))).toBe('through');
    expect(await statusOf(post({}, new FormData()))).toBe('through');
  });

  it('refuses anything else Next registers (a cached read) with 404, by header or by form field', async () => {
    expect(await statusOf(call(CACHED_READ, '[1]'))).toBe(404);
    expect(await statusOf(call('00'.repeat(21), '[]'))).toBe(404);
    const form = new FormData();
    form.set(`$ACTION_ID_${CACHED_READ}`, '');
    expect(await statusOf(post({}, form))).toBe(404);
    // Under `next dev` there is no final list: only the body rules apply.
    expect(await statusOf(call(CACHED_READ, '[1]'), null)).toBe('through');
  });

  it('refuses a post from another site with 403', async () => {
    expect(await statusOf(call(ACTION, '[]', { origin: 'https://evil.example' }))).toBe(403);
    expect(await statusOf(call(ACTION, '[]', { origin: 'null' }))).toBe(403);
    expect(await statusOf(call(ACTION, '[]', { 'sec-fetch-site': 'cross-site' }))).toBe(403);
    const form = new FormData();
    form.set(`$ACTION_ID_${ACTION}`, '');
    expect(await statusOf(post({ origin: 'https://evil.example' }, form))).toBe(403);
  });

  it('refuses a body over the limit with 413, whether or not it says its length', async () => {
    const large = 'a'.repeat(ACTION_BODY_LIMIT_BYTES + 1);
    expect(await statusOf(call(ACTION, large))).toBe(413);
    expect(await statusOf(call(ACTION, '[]', { 'content-length': String(3 * 1024 * 1024) }))).toBe(413);
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(large));
        controller.close();
      },
    });
    expect(await statusOf(new Request(`${SITE}/x`, { method: 'POST', headers: { 'next-action': ACTION }, body: stream, duplex: 'half' } as RequestInit))).toBe(413);
  });

  it('refuses a body that cannot be read with 400', async () => {
    expect(await statusOf(call(ACTION, '[{"a":'))).toBe(400);
    expect(await statusOf(call(ACTION, ''))).toBe(400);
    expect(await statusOf(call(ACTION, new Uint8Array([0xff, 0xfe, 0x5b, 0x5d])))).toBe(400);
    const truncated = '--XYZ\r\nContent-Disposition: form-data; name="1_body"\r\n\r\nhello';
    expect(await statusOf(call(ACTION, truncated, { 'content-type': 'multipart/form-data; boundary=XYZ' }))).toBe(400);
    expect(await statusOf(post({ 'content-type': 'multipart/form-data; boundary=XYZ' }, truncated))).toBe(400);
    const unreadableReference = '--XYZ\r\nContent-Disposition: form-data; name="$ACTION_REF_1"\r\n\r\n\r\n--XYZ--\r\n';
    expect(await statusOf(post({ 'content-type': 'multipart/form-data; boundary=XYZ' }, unreadableReference))).toBe(400);
  });
});
