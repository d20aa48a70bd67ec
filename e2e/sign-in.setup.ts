/**
 * The `sign-in` setup project (playwright.config.ts): signs in once per role through the real form and stores the
 * browser state, so the journeys that only need "an editor" start signed in (e2e/support/sign-in.ts, signInAs).
 */
import { test as setup } from '@playwright/test';

import { roles, signIn, storedSignIn, type Role } from './support/sign-in';

for (const role of Object.keys(roles) as Role[]) {
  setup(`the ${role} signs in through the form`, async ({ page }) => {
    await signIn(page, roles[role]);
    await page.context().storageState({ path: storedSignIn(role) });
  });
}
