/** `npm run db:seed`: writes the demo newspaper into the configured database, which must be empty. */
import { runMigrations } from '../db/migrate';
import { withDatabase } from './lib/database';
import { hasContent, seedDemo } from './lib/seed';

await withDatabase(async ({ url }) => {
  await runMigrations(url);
  if (await hasContent(url)) {
    console.error('The database already has sections or articles; the demo content is only written into an empty one.');
    process.exitCode = 1;
    return;
  }
  await seedDemo(url);
});
