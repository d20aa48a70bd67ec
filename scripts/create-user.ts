/**
 * `npm run user:create -- --email E --name N --role editor --password-stdin`
 * Creates an account in the configured database (DATABASE_URL, or the embedded one, even while the site runs).
 * The password is read from standard input, never from the command line (which other users can see).
 */
import { z } from 'zod';

import { createAccount } from '../data/accounts';
import { EmailTakenError } from '../lib/errors';
import { closeDb } from '../db/client';
import { runMigrations } from '../db/migrate';
import { USER_ROLES } from '../lib/roles';
import { resetEnvForTests } from '../lib/env';
import { registerSchema } from '../lib/validation/auth';
import { withDatabase } from './lib/database';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : undefined;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

const usage = 'usage: npm run user:create -- --email E --name N --role reader|contributor|editor|admin --password-stdin';
if (!process.argv.includes('--password-stdin')) {
  console.error(`${usage}\n(the password is read from standard input)`);
  process.exit(2);
}
const role = z.enum(USER_ROLES).safeParse(option('role') ?? 'reader');
if (!role.success) {
  console.error(`unknown role: ${option('role')}\n${usage}`);
  process.exit(2);
}
const password = await readStdin();
const parsed = registerSchema.safeParse({ name: option('name') ?? '', email: option('email') ?? '', password, confirmPassword: password });
if (!parsed.success) {
  for (const [field, messages] of Object.entries(parsed.error.flatten().fieldErrors)) console.error(`${field}: ${messages?.join(' ')}`);
  console.error(usage);
  process.exit(2);
}

await withDatabase(async ({ url }) => {
  await runMigrations(url);
  process.env.DATABASE_URL = url;
  resetEnvForTests();
  try {
    const user = await createAccount({ ...parsed.data, role: role.data });
    console.log(`created ${user.role} ${user.email} (${user.id})`);
  } catch (error) {
    if (error instanceof EmailTakenError) {
      console.error(`an account with ${parsed.data.email} already exists`);
      process.exitCode = 1;
      return;
    }
    throw error;
  } finally {
    await closeDb();
  }
});
