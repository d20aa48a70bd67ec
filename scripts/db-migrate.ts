import { runMigrations } from '../db/migrate';
import { withDatabase } from './lib/database';

await withDatabase(async ({ url }) => {
  await runMigrations(url);
  console.log('migrations applied');
});
