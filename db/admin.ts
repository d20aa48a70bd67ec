import postgres from 'postgres';

/** Creates a database on the server of `adminUrl` and returns its URL. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await sql`create database ${sql(name)}`;
  } finally {
    await sql.end({ timeout: 5 });
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database (closing any connections still open to it). */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await sql`drop database if exists ${sql(name)} with (force)`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** The maintenance-database URL of the server that `url` points at. */
export function adminUrlFor(url: string): string {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  return admin.toString();
}

/**
 * Drops databases named `<prefix><epoch ms>_…` that are more than an hour old: left behind by a test run that was
 * killed before it could clean up.
 */
export async function dropAbandonedDatabases(adminUrl: string, prefix: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ datname: string }[]>`select datname from pg_database where starts_with(datname, ${prefix})`;
    const cutoff = Date.now() - 60 * 60 * 1000;
    for (const { datname } of rows) {
      const started = Number(datname.slice(prefix.length).split('_')[0]);
      if (Number.isFinite(started) && started < cutoff) await sql`drop database if exists ${sql(datname)} with (force)`;
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}
