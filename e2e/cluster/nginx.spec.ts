import { randomBytes } from 'node:crypto';
import { gunzipSync } from 'node:zlib';

import { expect, test } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';
import { control, topology } from './topology';
import { send } from './traffic';

/**
 * What deploy/nginx/newsroom.conf promises, checked on the running nginx: the React router's requests have entries of
 * their own, a miss goes to the instances once however many readers ask, answers are compressed, and when every
 * instance is down readers get the last copy.
 */

test.describe.configure({ mode: 'serial' });

const storyPath = `/${fixture.politics.slug}/${fixture.related.slug}`;
const fresh = (path: string) => `${path}?nginx-test=${randomBytes(4).toString('hex')}`;
const proxyCache = (headers: Record<string, string | string[] | undefined>) => headers['x-proxy-cache'];

test("a page's RSC payload and its HTML are cached apart: neither is ever served for the other", async () => {
  // The HTML, in nginx's cache...
  const path = fresh(storyPath);
  let html = await send(`${topology.nginx}${path}`);
  for (let n = 0; n < 5 && proxyCache(html.headers) !== 'HIT'; n++) html = await send(`${topology.nginx}${path}`);
  expect(proxyCache(html.headers)).toBe('HIT');
  // ...is not what the router gets for the same URL: Next sends it to the payload's address (with _rsc).
  const routed = await send(`${topology.nginx}${path}`, { headers: { RSC: '1' } });
  expect(proxyCache(routed.headers)).not.toBe('HIT');
  expect(routed.headers['content-type'] ?? '').not.toContain('text/html');
  expect(routed.status).toBe(307);
  expect(routed.headers.location).toContain('_rsc');

  // At the payload's address, the router gets the payload and a browser the page, in either order.
  const payloadPath = routed.headers.location!;
  for (let n = 0; n < 2; n++) {
    const payload = await send(`${topology.nginx}${payloadPath}`, { headers: { RSC: '1' } });
    expect(payload.status).toBe(200);
    expect(payload.headers['content-type']).toContain('text/x-component');
    const page = await send(`${topology.nginx}${payloadPath}`);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<html');
  }
});

test('a miss goes to the instances once: 20 readers asking for the same new URL at once get one MISS, the rest wait for it', async () => {
  const path = fresh(storyPath);
  // nginx keeps a page until the end of the second it stored it in: start just after a second begins, so that the
  // burst is over before the copy expires (if it is not, one reader refreshes it: EXPIRED, not a second MISS).
  await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 20));
  const answers = await Promise.all(Array.from({ length: 20 }, () => send(`${topology.nginx}${path}`, { agent: false })));
  expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
  const states = answers.map((answer) => proxyCache(answer.headers));
  expect(states.filter((state) => state === 'MISS'), states.join(', ')).toHaveLength(1);
  // The others were answered from that one copy (past the end of its second: one refreshed it, others had it meanwhile).
  expect(states.filter((state) => state === 'EXPIRED').length, states.join(', ')).toBeLessThanOrEqual(1);
  expect(states.filter((state) => !['MISS', 'EXPIRED', 'HIT', 'UPDATING'].includes(state as string)), states.join(', ')).toEqual([]);
});

test('pages and build assets are sent gzip-compressed to a client that accepts it, and plain to one that does not', async () => {
  const page = await send(`${topology.nginx}${storyPath}`, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
  expect(page.headers['content-encoding']).toBe('gzip');
  const plain = await send(`${topology.nginx}${storyPath}`);
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.body).toContain(fixture.related.headline);

  const stylesheet = /href="(\/_next\/static\/[^"]+\.css[^"]*)"/.exec(plain.body)?.[1]?.replaceAll('&amp;', '&');
  expect(stylesheet, 'the page links a stylesheet').toBeTruthy();
  const css = await send(`${topology.nginx}${stylesheet}`, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(css.headers['content-encoding']).toBe('gzip');
  expect(gunzipSync(css.bytes).length).toBeGreaterThan(css.bytes.length);
});

test('with every instance down, readers get the last copy nginx holds (STALE), and fresh pages again once they are back', async () => {
  test.setTimeout(180_000);
  const path = storyPath;
  let warm = await send(`${topology.nginx}${path}`);
  for (let n = 0; n < 5 && proxyCache(warm.headers) !== 'HIT'; n++) warm = await send(`${topology.nginx}${path}`);
  expect(proxyCache(warm.headers)).toBe('HIT');

  await Promise.all([control('a/stop'), control('b/stop')]);
  try {
    // Past the 1 s lifetime: the copy is expired, and the instances refuse connections.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    for (let n = 0; n < 3; n++) {
      const answer = await send(`${topology.nginx}${path}`);
      expect(answer.status).toBe(200);
      expect(proxyCache(answer.headers)).toBe('STALE');
      expect(answer.body).toContain(fixture.related.headline);
    }
    // A page nginx never held cannot be made up: the reader gets nginx's 502.
    expect((await send(`${topology.nginx}${fresh(path)}`)).status).toBe(502);
  } finally {
    await Promise.all([control('a/start'), control('b/start')]);
  }
  // nginx tries an instance it marked as failed again after fail_timeout (2 s).
  let back = await send(`${topology.nginx}${fresh(path)}`);
  for (let n = 0; n < 40 && back.status !== 200; n++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    back = await send(`${topology.nginx}${fresh(path)}`);
  }
  expect(back.status).toBe(200);
});
