import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { listSections } from '@/data/taxonomy';
import { resetEnvForTests } from '@/lib/env';

import { createDatabase, dropDatabase } from './admin';
import { closeDb, connect, getDb, getPublicDb, getReplicaDb, type Database } from './client';
import { runMigrations } from './migrate';
import { CHECK_APPLICATION_NAME, ReplicaHealth } from './replica-health';
import { sections } from './schema';

/**
 * Read replicas against a real streaming replica (docs/adr/0011). The primary is always the PostgreSQL server on
 * 127.0.0.1:5432, whatever DATABASE_URL the run has. `npm test` points DATABASE_URL at the embedded PostgreSQL,
 * whose npm package ships only initdb, pg_ctl and postgres (no pg_basebackup); the system server comes with the
 * distribution's pg_basebackup, and CI makes sure it runs and accepts replication connections from 127.0.0.1 before
 * either test run (.ci/run). So both runs copy the same server.
 * The test makes a database of its own there, copies the server into a temporary directory with
 * `pg_basebackup -R`, starts the copy as a hot standby on a free port, and points DATABASE_URL and
 * DATABASE_REPLICA_URLS at the two.
 */
const PRIMARY_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
/** Long enough that "the replica is still within the bound just after a write" is not a race on a slow machine. */
const MAX_LAG_MS = 1500;

const run = promisify(execFile);
const isRoot = process.getuid?.() === 0;
const name = `newsroom_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
const saved = Object.fromEntries(['DATABASE_URL', 'DATABASE_REPLICA_URLS', 'REPLICA_MAX_LAG_MS', 'DATABASE_PREPARE'].map((key) => [key, process.env[key]]));

let bin = '';
let dir = '';
let port = 0;
let started = false;
let created = false;
let primaryUrl = '';
let replicaUrl = '';
let replicaAdmin: postgres.Sql | null = null;

/** A PostgreSQL program, as the `postgres` system user when this is root (the server refuses to run as root). */
async function pg(program: string, args: string[]): Promise<string> {
  const command = isRoot ? ['runuser', '-u', 'postgres', '--', path.join(bin, program), ...args] : [path.join(bin, program), ...args];
  try {
    const { stdout } = await run(command[0]!, command.slice(1), { timeout: 60_000 });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`${program} ${args.join(' ')} failed: ${stderr || (error as Error).message}`);
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port: free } = server.address() as net.AddressInfo;
      server.close(() => resolve(free));
    });
  });
}

async function waitFor<T>(what: string, attempt: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await attempt();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${last instanceof Error ? last.message : String(last)})` : ''}`);
}

/** Whether a query through `db` ran on the standby (true) or the primary (false). */
async function ranOnStandby(db: Database): Promise<boolean> {
  const [row] = await db.select({ standby: sql<boolean>`pg_is_in_recovery()` }).from(sql`(select 1) as one`);
  return row!.standby;
}

const sectionSlugs = async () => (await listSections()).map((section) => section.slug);

async function addSection(): Promise<string> {
  const slug = `replica-${randomBytes(4).toString('hex')}`;
  await getDb().insert(sections).values({ slug, name: slug });
  return slug;
}

function setEnvironment(values: Record<string, string | undefined>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnvForTests();
}

async function cleanUp(): Promise<void> {
  await closeDb().catch(() => {});
  setEnvironment(saved);
  await replicaAdmin?.end({ timeout: 1 }).catch(() => {});
  replicaAdmin = null;
  if (started) {
    started = false;
    await pg('pg_ctl', ['-D', path.join(dir, 'data'), '-m', 'immediate', 'stop']).catch(() => {});
  }
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = '';
  if (created) {
    created = false;
    await dropDatabase(PRIMARY_ADMIN_URL, name);
  }
}

async function makeReplica(): Promise<void> {
  const admin = postgres(PRIMARY_ADMIN_URL, { max: 1, onnotice: () => {} });
  let settings: Record<string, string>;
  try {
    const [row] = await admin<{ version: string }[]>`select current_setting('server_version_num') as version`;
    bin = `/usr/lib/postgresql/${Math.floor(Number(row!.version) / 10000)}/bin`;
    // A hot standby needs at least the primary's values of these.
    const rows = await admin<{ name: string; setting: string }[]>`
      select name, setting from pg_settings
      where name in ('max_connections', 'max_worker_processes', 'max_wal_senders', 'max_prepared_transactions', 'max_locks_per_transaction')`;
    settings = Object.fromEntries(rows.map((setting) => [setting.name, setting.setting]));
  } finally {
    await admin.end({ timeout: 1 });
  }
  if (!existsSync(path.join(bin, 'pg_basebackup'))) throw new Error(`The replica test needs the PostgreSQL server binaries of 127.0.0.1:5432's version in ${bin}.`);
  try {
    await pg('psql', ['-Atqc', 'IDENTIFY_SYSTEM', 'host=127.0.0.1 port=5432 user=postgres dbname=postgres replication=true']);
  } catch (error) {
    throw new Error(
      'PostgreSQL on 127.0.0.1:5432 refuses replication connections from user postgres, so the replica test cannot copy it. ' +
        'Add `host replication postgres 127.0.0.1/32 trust` to its pg_hba.conf (`show hba_file`) and `select pg_reload_conf()` (.ci/run does). ' +
        `(${(error as Error).message})`,
    );
  }

  dir = await mkdtemp(path.join(os.tmpdir(), 'newsroom-replica-'));
  if (isRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: group } = await run('id', ['-g', 'postgres']);
    await chown(dir, Number(stdout.trim()), Number(group.trim()));
  }
  const data = path.join(dir, 'data');
  await pg('pg_basebackup', ['-h', '127.0.0.1', '-p', '5432', '-U', 'postgres', '-D', data, '-R', '-X', 'stream', '-c', 'fast', '--no-sync']);
  port = await freePort();
  // Written by us whatever the primary's data directory held (Debian keeps its configuration in /etc).
  const config = [
    `port = ${port}`,
    `listen_addresses = '127.0.0.1'`,
    `unix_socket_directories = '${dir}'`,
    'hot_standby = on',
    'fsync = off',
    'shared_buffers = 16MB',
    ...Object.entries(settings).map(([key, value]) => `${key} = ${value}`),
  ];
  const files: [string, string][] = [
    ['postgresql.conf', `${config.join('\n')}\n`],
    ['pg_hba.conf', 'local all all trust\nhost all all 127.0.0.1/32 trust\n'],
    ['pg_ident.conf', ''],
  ];
  for (const [file, text] of files) {
    await writeFile(path.join(data, file), text);
    if (isRoot) await run('chown', ['postgres:postgres', path.join(data, file)]);
  }
  started = true;
  await pg('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-w', '-t', '30', '-o', `-p ${port}`, 'start']);
  const url = new URL(PRIMARY_ADMIN_URL);
  url.port = String(port);
  replicaAdmin = postgres(url.toString(), { max: 1, onnotice: () => {} });
  url.pathname = `/${name}`;
  replicaUrl = url.toString();
}

beforeAll(async () => {
  try {
    primaryUrl = await createDatabase(PRIMARY_ADMIN_URL, name);
    created = true;
    // Migrated before the copy, so the replica starts with the schema.
    await runMigrations(primaryUrl);
    await makeReplica();
    await closeDb();
    setEnvironment({ DATABASE_URL: primaryUrl, DATABASE_REPLICA_URLS: replicaUrl, REPLICA_MAX_LAG_MS: String(MAX_LAG_MS), DATABASE_PREPARE: undefined });
  } catch (error) {
    await cleanUp();
    throw error;
  }
});

afterAll(cleanUp);

/** Waits until the replica has replayed everything the primary has written so far. */
async function caughtUp(): Promise<void> {
  const [primary] = await getDb().execute<{ lsn: string }>(sql`select pg_current_wal_lsn()::text as lsn`);
  await waitFor('the replica to catch up', async () => {
    const [row] = await replicaAdmin!<{ behind: boolean }[]>`select pg_last_wal_replay_lsn() < ${primary!.lsn}::pg_lsn as behind`;
    return row!.behind ? undefined : true;
  });
}

describe('read replicas (DATABASE_REPLICA_URLS)', () => {
  it('sends public reads to the replica, which has what was written on the primary', async () => {
    const slug = await addSection();
    // Until the first health check has judged it, the primary answers.
    await waitFor('public reads on the replica', async () => ((await ranOnStandby(getPublicDb())) ? true : undefined));
    expect(await ranOnStandby(getReplicaDb())).toBe(true);
    expect(await waitFor('the section on the replica', async () => ((await sectionSlugs()).includes(slug) ? true : undefined))).toBe(true);
    // Everything else stays on the primary.
    expect(await ranOnStandby(getDb())).toBe(false);
  });

  it('sends writes, raw SQL and transactions made through the public database to the primary', async () => {
    const db = getPublicDb();
    expect(await ranOnStandby(db)).toBe(true);
    const slug = `replica-${randomBytes(4).toString('hex')}`;
    const [row] = await db.insert(sections).values({ slug, name: slug }).returning({ id: sections.id });
    expect(row!.id).toBeGreaterThan(0);
    const [viaExecute] = (await db.execute<{ standby: boolean }>(sql`select pg_is_in_recovery() as standby`)) as unknown as [{ standby: boolean }];
    expect(viaExecute.standby).toBe(false);
    expect(await db.transaction(async (tx) => (await tx.execute<{ standby: boolean }>(sql`select pg_is_in_recovery() as standby`))[0]?.standby)).toBe(false);
  });

  it('leaves out a replica that lags more than REPLICA_MAX_LAG_MS: public reads then come from the primary', async () => {
    const warnings = vi.spyOn(console, 'error').mockImplementation(() => {});
    const notes = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      await caughtUp();
      await replicaAdmin!`select pg_wal_replay_pause()`;
      await waitFor('replay to pause', async () => {
        const [row] = await replicaAdmin!<{ state: string }[]>`select pg_get_wal_replay_pause_state() as state`;
        return row!.state === 'paused' ? true : undefined;
      });
      const slug = await addSection();
      const wroteAt = Date.now();
      // Just after the write the replica is still within the bound: it answers, without the new section.
      expect(await ranOnStandby(getPublicDb())).toBe(true);
      expect(await sectionSlugs()).not.toContain(slug);
      // The bound: a public read made REPLICA_MAX_LAG_MS after a commit sees it, here from the primary.
      await new Promise((resolve) => setTimeout(resolve, wroteAt + MAX_LAG_MS - Date.now()));
      expect(await sectionSlugs()).toContain(slug);
      expect(await ranOnStandby(getPublicDb())).toBe(false);
      expect(await ranOnStandby(getReplicaDb())).toBe(false);
      // Said once, not on every check.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(warnings.mock.calls.map(([line]) => String(line))).toEqual([expect.stringContaining('behind the primary')]);

      await replicaAdmin!`select pg_wal_replay_resume()`;
      await waitFor('public reads back on the replica', async () => ((await ranOnStandby(getPublicDb())) ? true : undefined), 3 * MAX_LAG_MS);
      expect(await sectionSlugs()).toContain(slug);
      expect(notes.mock.calls.filter(([line]) => String(line).includes('serves public reads'))).toHaveLength(1);
    } finally {
      warnings.mockRestore();
      notes.mockRestore();
      await replicaAdmin!`select pg_wal_replay_resume()`.catch(() => {});
    }
  });

  it('runs without named prepared statements when DATABASE_PREPARE=false (PgBouncer in transaction mode)', async () => {
    const prepared = async (url: string) => {
      const { sql: client, db } = connect(url, { max: 1 });
      try {
        // A tagged query with a parameter is a named prepared statement unless `prepare` is off.
        await client`select ${1}::int as one`;
        await db.select({ id: sections.id }).from(sections).limit(1);
        const [row] = await client<{ count: number }[]>`select count(*)::int as count from pg_prepared_statements`;
        return { count: row!.count, option: client.options.prepare };
      } finally {
        await client.end({ timeout: 1 });
      }
    };
    try {
      setEnvironment({ DATABASE_PREPARE: 'false' });
      expect(await prepared(primaryUrl)).toEqual({ count: 0, option: false });
      expect(await prepared(replicaUrl)).toEqual({ count: 0, option: false });
      // The pools the site reads through are made the same way.
      await closeDb();
      expect(await ranOnStandby(getDb())).toBe(false);
      await waitFor('public reads on the replica', async () => ((await ranOnStandby(getPublicDb())) ? true : undefined));
      // And the test would see them: on by default.
      setEnvironment({ DATABASE_PREPARE: undefined });
      expect((await prepared(primaryUrl)).count).toBeGreaterThan(0);
    } finally {
      setEnvironment({ DATABASE_PREPARE: undefined });
      await closeDb();
    }
  });

  it('pauses its checks and closes their connections while nobody reads, and starts them again on the next read', async () => {
    await closeDb();
    const checks = async () => {
      const [row] = await replicaAdmin!<{ count: number }[]>`select count(*)::int as count from pg_stat_activity where application_name = ${CHECK_APPLICATION_NAME}`;
      return row!.count;
    };
    const health = new ReplicaHealth({ primaryUrl, replicaUrls: [replicaUrl], maxLagMs: MAX_LAG_MS, prepare: true, idleMs: 300, log: { info: () => {}, warn: () => {} } });
    try {
      health.start();
      await waitFor('the replica to be judged usable', async () => (health.pick() === 0 ? true : undefined));
      expect(await checks()).toBe(1);
      await waitFor('the checks to pause', async () => ((await checks()) === 0 ? true : undefined), 3000);
      // Paused: nothing is known, reads go to the primary, and the read starts the checks again.
      expect(health.pick()).toBeUndefined();
      await waitFor('the replica to be judged usable again', async () => (health.pick() === 0 ? true : undefined));
      expect(await checks()).toBe(1);
    } finally {
      await health.stop();
    }
  });

  it('leaves out a replica that stops: public reads then come from the primary', async () => {
    const warnings = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await waitFor('public reads on the replica', async () => ((await ranOnStandby(getPublicDb())) ? true : undefined));
      const slug = await addSection();
      await pg('pg_ctl', ['-D', path.join(dir, 'data'), '-m', 'immediate', 'stop']);
      started = false;
      // A query already on its way to the replica fails; from the next check on, the primary answers.
      await waitFor('public reads on the primary', async () => ((await ranOnStandby(getPublicDb())) ? undefined : true), 3 * MAX_LAG_MS);
      for (let i = 0; i < 5; i++) expect(await sectionSlugs()).toContain(slug);
      expect(warnings.mock.calls.some(([line]) => String(line).includes('is not used'))).toBe(true);
    } finally {
      warnings.mockRestore();
    }
  });
});
