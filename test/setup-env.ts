import { inject } from 'vitest';

import { resetEnvForTests } from '../lib/env';

process.env.DATABASE_URL = inject('databaseUrl');
// Auth.js signs session cookies with it: the sign-in and account action tests run the real sign-in.
process.env.AUTH_SECRET ??= 'vitest-only-secret-0123456789abcdefghijklmnop';
// Tests that sign in many times at once check the throttle, not the password-hash pool's refusals (those have tests
// of their own, lib/password-pool.test.ts): on a busy machine they wait for a thread as long as it takes.
process.env.PASSWORD_HASH_MAX_WAIT_MS ??= '60000';
resetEnvForTests();
// next.config.js sets experimental.authInterrupts, which the build turns into this flag: forbidden() needs it.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';
