/** The demo accounts of the embedded database, one per role (listed in the README). Never on DATABASE_URL. */
import { hashPassword } from '../../lib/passwords';
import type { Database } from '../client';
import { users } from '../schema';

export const DEMO_ACCOUNTS = [
  { role: 'reader', name: 'Demo Reader', email: 'demo.reader@example.org', password: 'demo-reader-password' },
  { role: 'contributor', name: 'Demo Contributor', email: 'demo.contributor@example.org', password: 'demo-contributor-password' },
  { role: 'editor', name: 'Demo Editor', email: 'demo.editor@example.org', password: 'demo-editor-password' },
  { role: 'admin', name: 'Demo Admin', email: 'demo.admin@example.org', password: 'demo-admin-password' },
] as const;

/** Creates the demo accounts that do not exist yet (an account already there keeps its password). */
export async function seedDemoAccounts(db: Database): Promise<void> {
  for (const { password, ...account } of DEMO_ACCOUNTS) {
    await db
      .insert(users)
      .values({ ...account, passwordHash: await hashPassword(password), emailVerified: new Date() })
      .onConflictDoNothing({ target: users.email });
  }
}
