import { expect, test } from '@playwright/test';

/**
 * Requests the page cache does not answer (sign-in, registration; anyone signed in) go through the front to Next
 * untouched. Next compresses them as it streams, and every browser accepts gzip: the bytes must still be one valid
 * gzip stream, or the browser shows nothing at all (net::ERR_CONTENT_DECODING_FAILED). An anonymous search is
 * rendered through the front and never stored (X-Cache: BYPASS); the front compresses it itself.
 */

const passedThrough = ['/login', '/register', '/search?q=harbour'];
/** What X-Cache says for each: nothing for Next's own responses. */
const cacheState = (path: string) => (path.startsWith('/search') ? 'BYPASS' : undefined);

test('pages the cache leaves to Next arrive as valid gzip', async ({ request }) => {
  for (const path of passedThrough) {
    // The same page without compression, for contrast: the page itself is fine.
    const plain = await request.get(path, { headers: { 'Accept-Encoding': 'identity' } });
    expect(plain.status(), path).toBe(200);
    expect(plain.headers()['x-cache'], path).toBe(cacheState(path));
    expect(await plain.text(), path).toContain('</html>');

    const response = await request.get(path, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(response.status(), path).toBe(200);
    expect(response.headers()['x-cache'], path).toBe(cacheState(path));
    expect(response.headers()['cache-control'], path).toMatch(/private|no-store/);
    // APIRequestContext inflates the body here, and throws if it is not valid gzip.
    const body = await response.text().catch((error: Error) => `could not be decoded: ${error.message}`);
    expect(body, `${path} with Content-Encoding: ${response.headers()['content-encoding']}`).toContain('</html>');
  }
});

test('the browser shows the sign-in, registration and search pages', async ({ page }) => {
  const failures: string[] = [];
  page.on('requestfailed', (request) => {
    // Prefetches cut short by the next navigation are not failures; a page that could not be shown is.
    if (request.resourceType() === 'document') failures.push(`${request.url()}: ${request.failure()?.errorText}`);
  });
  const heading = page.getByRole('main').getByRole('heading', { level: 1 });
  for (const path of passedThrough) {
    await page.goto(path, { waitUntil: 'commit' });
    // Either the page shows, or the browser gives up on it (it never finishes loading then).
    await expect.poll(async () => failures.length > 0 || (await heading.isVisible()), { timeout: 10_000 }).toBe(true);
    expect(failures, path).toEqual([]);
    await expect(heading, path).toBeVisible();
  }
});
