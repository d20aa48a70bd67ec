import { adminUrlFor } from '../../db/admin';
import { ensureEmbeddedPostgres } from '../../db/embedded';
import { dataDir, env } from '../../lib/env';

export type ResolvedDatabase = {
  url: string;
  adminUrl: string;
  /** True when the embedded default is in use (DATABASE_URL unset). */
  isEmbedded: boolean;
  /**
   * When this process started the embedded server: restarts it, on the same data and port, whenever it dies
   * before release() (a crash, `kill -9`); `onGiveUp` is called when it cannot be started again. Returns whether
   * the server is supervised (false for DATABASE_URL, or an embedded server another process started).
   */
  restartOnCrash(events?: { onGiveUp?: (error: Error) => void }): boolean;
  /** Stops the embedded server if this process started it; otherwise does nothing. */
  release(): Promise<void>;
};

export const EMBEDDED_DATABASE = 'newsroom';

/** DATABASE_URL when set; otherwise the embedded PostgreSQL under DATA_DIR (started if needed). */
export async function resolveDatabase(): Promise<ResolvedDatabase> {
  const configured = env().DATABASE_URL;
  if (configured) {
    return { url: configured, adminUrl: adminUrlFor(configured), isEmbedded: false, restartOnCrash: () => false, release: async () => {} };
  }
  const embedded = await ensureEmbeddedPostgres({ dataDir: dataDir(), database: EMBEDDED_DATABASE });
  return {
    url: embedded.url,
    adminUrl: embedded.adminUrl,
    isEmbedded: true,
    restartOnCrash: (events) => embedded.restartOnCrash(events),
    release: () => embedded.stop(),
  };
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
