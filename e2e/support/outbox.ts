import postgres from 'postgres';

import { resolveDatabase } from '../../scripts/lib/database';

/**
 * The text of the newest message queued to `address` in the suite's database (the outbox the mail worker would send
 * from). The suite's database has a generated name (e2e/serve.ts) and other suites may run beside this one, so every
 * end-to-end database on the server is asked: an address unique to the journey is found in only one of them.
 */
export async function newestMailTo(address: string): Promise<string | null> {
  const server = await resolveDatabase();
  const admin = postgres(server.adminUrl, { max: 1 });
  try {
    const names = await admin<{ datname: string }[]>`select datname from pg_database where datname like 'newsroom_e2e_%'`;
    for (const { datname } of names) {
      const url = new URL(server.adminUrl);
      url.pathname = `/${datname}`;
      const db = postgres(url.toString(), { max: 1 });
      try {
        const rows = await db<{ text_body: string }[]>`select text_body from mail_messages where to_address = ${address} order by id desc limit 1`.catch(() => []);
        if (rows[0]) return rows[0].text_body;
      } finally {
        await db.end();
      }
    }
    return null;
  } finally {
    await admin.end();
    await server.release();
  }
}

/** The first link in a message's text that starts with `prefix` (a path such as /newsletters/confirm). */
export function linkIn(text: string, prefix: string): string {
  const match = new RegExp(`https?://[^\\s]+${prefix.replace(/[/?]/g, '\\$&')}[^\\s]*`).exec(text);
  if (!match) throw new Error(`No ${prefix} link in:\n${text}`);
  const url = new URL(match[0]);
  return `${url.pathname}${url.search}`;
}
