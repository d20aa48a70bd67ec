import { inject } from 'vitest';

import { resetEnvForTests } from '../lib/env';

process.env.DATABASE_URL = inject('databaseUrl');
// Auth.js signs session cookies with it: the sign-in and account action tests run the real sign-in.
process.env.AUTH_SECRET ??= 'vitest-only-secret-0123456789abcdefghijklmnop';
resetEnvForTests();
// next.config.js sets experimental.authInterrupts, which the build turns into this flag: forbidden() needs it.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';
