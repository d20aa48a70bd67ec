import fs from 'node:fs';
import path from 'node:path';

import { expect, type BrowserContext, type Page } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';

/**
 * Signs in through the real form and waits until the masthead says so; lands on `callbackUrl`. The wait is longer
 * than an assertion's 5 s: it spans the password check, the redirect and a whole dashboard page, which on a loaded
 * machine (or the first requests to a just-started server) takes longer.
 */
export async function signIn(page: Page, account: { email: string; password: string }, callbackUrl = '/'): Promise<void> {
  await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel('E-mail address').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Signed in as')).toBeVisible({ timeout: 20_000 });
}

/**
 * One fixture account per role, signed in once per run by the `sign-in` setup project (e2e/sign-in.setup.ts).
 * Nothing may end these accounts' sessions (signing out, sign out everywhere, a new password, a role change,
 * disabling): the stored cookie names one server-side session and carries a session version, both checked on every
 * request, so that would sign every later journey out. Journeys that do such things use accounts of their own.
 */
export const roles = {
  commenter: fixture.commenter,
  contributor: fixture.staff.contributor,
  editor: fixture.staff.editor,
  admin: fixture.staff.admin,
} as const;

export type Role = keyof typeof roles;

/** Where the setup project keeps a role's signed-in browser state (git-ignored: the cookie is a live session). */
export const storedSignIn = (role: Role): string => path.join(import.meta.dirname, '..', '.auth', `${role}.json`);

type StoredState = Awaited<ReturnType<BrowserContext['storageState']>>;
const loaded = new Map<Role, StoredState>();

function storedState(role: Role): StoredState {
  let state = loaded.get(role);
  if (!state) {
    state = JSON.parse(fs.readFileSync(storedSignIn(role), 'utf8')) as StoredState;
    loaded.set(role, state);
  }
  return state;
}

/**
 * Signs `page`'s browser in as `role` with the session the setup project stored (no form: signing in is not what
 * these journeys are about), opens `path` and waits until the masthead says so. Only this page's browser context
 * gets the session: other contexts and the `request` fixture stay anonymous, as after signIn().
 */
export async function signInAs(page: Page, role: Role, path = '/'): Promise<void> {
  await page.context().addCookies(storedState(role).cookies);
  await page.goto(path);
  await expect(page.getByText('Signed in as')).toBeVisible();
}
