import { inject } from 'vitest';

import { resetEnvForTests } from '../lib/env';

process.env.DATABASE_URL = inject('databaseUrl');
resetEnvForTests();
// next.config.js sets experimental.authInterrupts, which the build turns into this flag: forbidden() needs it.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';
