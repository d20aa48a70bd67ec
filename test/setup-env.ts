import { inject } from 'vitest';

import { resetEnvForTests } from '../lib/env';

process.env.DATABASE_URL = inject('databaseUrl');
// Auth.js signs session cookies with it: the sign-in and account action tests run the real sign-in.
process.env.AUTH_SECRET ??= 'vitest-only-secret-0123456789abcdefghijklmnop';
resetEnvForTests();
