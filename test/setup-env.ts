import { inject } from 'vitest';

import { resetEnvForTests } from '../lib/env';

process.env.DATABASE_URL = inject('databaseUrl');
resetEnvForTests();
