import { adminUrlFor } from '../../db/admin';
import { ensureEmbeddedPostgres } from '../../db/embedded';
import { dataDir, env } from '../../lib/env';

export type ResolvedDatabase = {
  url: string;
  adminUrl: string;
  /** True when the embedded default is in use (DATABASE_URL unset). */
  isEmbedded: boolean;
  /** Stops the embedded server if this process started it; otherwise does nothing. */
  release(): Promise<void>;
};

export const EMBEDDED_DATABASE = 'newsroom';

/** DATABASE_URL when set; otherwise the embedded PostgreSQL under DATA_DIR (started if needed). */
export async function resolveDatabase(): Promise<ResolvedDatabase> {
  const configured = env().DATABASE_URL;
  if (configured) {
    return { url: configured, adminUrl: adminUrlFor(configured), isEmbedded: false, release: async () => {} };
  }
  const embedded = await ensureEmbeddedPostgres({ dataDir: dataDir(), database: EMBEDDED_DATABASE });
  return { url: embedded.url, adminUrl: embedded.adminUrl, isEmbedded: true, release: () => embedded.stop() };
}

/** Runs `main`, then releases the database, on success, failure or Ctrl-C alike. */
export async function withDatabase(main: (database: ResolvedDatabase) => Promise<void>): Promise<void> {
  const database = await resolveDatabase();
  const onSignal = () => {
    void database.release().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await main(database);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await database.release();
  }
}
