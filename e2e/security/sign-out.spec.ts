import { randomBytes } from 'node:crypto';

import { expect, test } from '@playwright/test';

import { registerReader } from '../support/desk';

const PASSWORD = 'a long enough password';

/**
 * Signing out ends the session on the server (issue 11, hole 1): a copy of the session cookie taken before, in
 * another browser (another device, or a thief's), is anonymous from that moment, and Auth.js's session endpoint
 * neither names the user nor hands the cookie back.
 */
test('signing out in one browser signs out a copy of its session cookie in another', async ({ page, browser, baseURL, request }) => {
  const name = 'Sid Session';
  await registerReader(page, { name, email: `sign-out-${randomBytes(4).toString('hex')}@example.org`, password: PASSWORD }, '/');

  const cookies = await page.context().cookies();
  const sessionCookie = cookies.find((cookie) => cookie.name.endsWith('authjs.session-token'))!;
  const sessionWithCopy = () => request.get('/api/auth/session', { headers: { cookie: `${sessionCookie.name}=${sessionCookie.value}` } });
  expect(await (await sessionWithCopy()).json()).toMatchObject({ user: { name } });

  const copy = await browser.newContext({ baseURL });
  await copy.addCookies(cookies);
  const other = await copy.newPage();
  await other.goto('/account');
  await expect(other.getByText('Signed in as')).toContainText(name);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();

  await other.goto('/');
  await expect(other.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(other.getByText('Signed in as')).toHaveCount(0);
  await other.goto('/account');
  await expect(other).toHaveURL('/login?callbackUrl=%2Faccount');

  const session = await sessionWithCopy();
  expect(await session.json()).toBeNull();
  expect(session.headersArray().filter((header) => header.name.toLowerCase() === 'set-cookie' && /session-token=[^;]/.test(header.value))).toEqual([]);
  await copy.close();
});
