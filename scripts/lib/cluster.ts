/**
 * The parts of a multi-instance deployment, started for real on this machine (docs/deploy.md): a Redis server of its
 * own, instances of the site (server/main.ts), and nginx from Debian's packages running deploy/nginx/newsroom.conf.
 * Used by the multi-instance journeys (e2e/cluster/) and `npm run bench:http -- --nginx`. Everything started is
 * stopped by the caller's Cleanup.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { Cleanup } from './cleanup';
import { request } from './http';
import { SITE_SERVER_ARGS, SITE_SERVER_ENV } from './site-process';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A child process in a group of its own, so that stopping it stops what it started too. */
class Managed {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  exit: string | null = null;

  constructor(
    readonly name: string,
    private readonly command: string,
    private readonly args: string[],
    private readonly env: NodeJS.ProcessEnv,
    private readonly logFile: string,
  ) {}

  get running(): boolean {
    return this.child !== null && this.exit === null;
  }

  spawn(): void {
    const log = fs.openSync(this.logFile, 'a');
    const child = spawn(this.command, this.args, { env: this.env, stdio: ['ignore', log, log], detached: true });
    fs.closeSync(log);
    this.child = child;
    this.exit = null;
    this.exited = new Promise((resolve) => {
      child.once('error', (error) => {
        this.exit = error.message;
        resolve();
      });
      child.once('exit', (code, signal) => {
        this.exit = `exit code ${code ?? signal}`;
        resolve();
      });
    });
  }

  /** Sends `signal` to the group; after `graceMs` without an exit, SIGKILL. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 15_000): Promise<void> {
    const child = this.child;
    if (!child || this.exit !== null) return;
    try {
      process.kill(-child.pid!, signal);
    } catch {
      return;
    }
    const killer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, graceMs);
    await this.exited;
    clearTimeout(killer);
  }
}

async function waitFor(what: string, ready: () => Promise<boolean>, process: Managed, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (process.exit !== null) throw new Error(`${process.name} stopped before ${what} (${process.exit})`);
    if (await ready().catch(() => false)) return;
    await sleep(200);
  }
  throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
}

export type RedisServer = { url: string; stop(): Promise<void>; start(): Promise<void> };

/** redis-server on `port`, in memory only (nothing survives a restart, as after a crash without persistence). */
export async function startRedis(cleanup: Cleanup, options: { port: number; logFile: string }): Promise<RedisServer> {
  const server = new Managed('redis', 'redis-server', ['--bind', '127.0.0.1', '--port', String(options.port), '--save', '', '--appendonly', 'no'], process.env, options.logFile);
  const ping = async () => spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(options.port), 'ping'], { encoding: 'utf8' }).stdout.trim() === 'PONG';
  const start = async () => {
    if (await ping()) throw new Error(`something already answers on port ${options.port}: not starting a Redis of our own there`);
    server.spawn();
    await waitFor(`Redis on port ${options.port}`, ping, server, 10_000);
  };
  await start();
  cleanup.add(`stop Redis on port ${options.port}`, () => server.stop());
  return { url: `redis://127.0.0.1:${options.port}`, stop: () => server.stop('SIGKILL'), start };
}

export type Instance = {
  name: string;
  origin: string;
  /** SIGTERM (drain, then exit) or SIGKILL (a crash). */
  stop(signal?: NodeJS.Signals): Promise<void>;
  start(): Promise<void>;
  readonly running: boolean;
};

/** One instance of the site as `npm start` runs it, with `env` (DATABASE_URL, secrets, REDIS_URL, …) on `port`. */
export async function startInstance(cleanup: Cleanup, options: { name: string; port: number; env: NodeJS.ProcessEnv; logFile: string }): Promise<Instance> {
  const origin = `http://127.0.0.1:${options.port}`;
  const server = new Managed(options.name, process.execPath, SITE_SERVER_ARGS, { ...options.env, ...SITE_SERVER_ENV, PORT: String(options.port) }, options.logFile);
  const start = async () => {
    server.spawn();
    await waitFor(`${options.name} answering ${origin}/api/health`, async () => (await request(`${origin}/api/health`, { timeoutMs: 5000 })).status === 200, server, 120_000);
  };
  await start();
  cleanup.add(`stop instance ${options.name}`, () => server.stop());
  return {
    name: options.name,
    origin,
    stop: (signal) => server.stop(signal),
    start,
    get running() {
      return server.running;
    },
  };
}

/**
 * deploy/nginx/newsroom.conf with this machine's values in its three EDIT places: the cache folder, the instances and
 * the listen port. Throws if the shipped file no longer has one of them, so the test can never run another config.
 */
export function renderNginxConfig(options: { listenPort: number; upstreams: string[]; cacheDir: string }): string {
  let config = fs.readFileSync(path.join('deploy', 'nginx', 'newsroom.conf'), 'utf8');
  const replace = (pattern: RegExp, replacement: string) => {
    const matches = config.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`))?.length ?? 0;
    if (matches !== 1) throw new Error(`deploy/nginx/newsroom.conf: expected one match of ${pattern}, found ${matches}`);
    config = config.replace(pattern, replacement);
  };
  replace(/proxy_cache_path \S+/, `proxy_cache_path ${options.cacheDir}`);
  replace(/(upstream newsroom \{[^}]*?)((?:\n\s*server [^\n]*;)+)/, `$1${options.upstreams.map((upstream) => `\n    server ${upstream} max_fails=1 fail_timeout=2s;`).join('')}`);
  replace(/listen 80 /, `listen 127.0.0.1:${options.listenPort} `);
  return config;
}

export type Nginx = { origin: string; dir: string; stop(): Promise<void> };

/**
 * nginx from Debian's packages with deploy/nginx/newsroom.conf in front of `upstreams`: configuration, cache and
 * logs in a temporary folder of its own (readable by nginx's unprivileged workers), removed by `cleanup`.
 */
export async function startNginx(cleanup: Cleanup, options: { listenPort: number; upstreams: string[]; staticSite?: { port: number; root: string } }): Promise<Nginx> {
  const binary = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((file) => fs.existsSync(file));
  if (!binary) throw new Error('nginx is not installed: `apt-get install -y nginx` (CI does this in .ci/run)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-nginx-'));
  cleanup.add('remove nginx\'s folder', () => fs.rmSync(dir, { recursive: true, force: true }));
  fs.chmodSync(dir, 0o755);
  fs.writeFileSync(path.join(dir, 'newsroom.conf'), renderNginxConfig({ listenPort: options.listenPort, upstreams: options.upstreams, cacheDir: path.join(dir, 'cache') }));
  const main = [
    'daemon off;',
    'worker_processes 2;',
    `pid ${path.join(dir, 'nginx.pid')};`,
    `error_log ${path.join(dir, 'error.log')} warn;`,
    'events { worker_connections 8192; }',
    'http {',
    '  include /etc/nginx/mime.types;',
    '  default_type application/octet-stream;',
    '  access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${path.join(dir, `${kind}-temp`)};`),
    `  include ${path.join(dir, 'newsroom.conf')};`,
    // A benchmark's ceiling: files straight from disk, by the same nginx.
    ...(options.staticSite ? [`  server { listen 127.0.0.1:${options.staticSite.port}; root ${options.staticSite.root}; }`] : []),
    '}',
  ].join('\n');
  const configFile = path.join(dir, 'nginx.conf');
  fs.writeFileSync(configFile, `${main}\n`);
  const test = spawnSync(binary, ['-t', '-q', '-c', configFile, '-p', dir], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx -t refused the configuration:\n${test.stderr}`);
  const nginx = new Managed('nginx', binary, ['-c', configFile, '-p', dir], process.env, path.join(dir, 'stderr.log'));
  nginx.spawn();
  const origin = `http://127.0.0.1:${options.listenPort}`;
  await waitFor(`nginx answering ${origin}`, async () => (await request(`${origin}/api/health`, { timeoutMs: 5000 })).status === 200, nginx, 20_000);
  cleanup.add('stop nginx', () => nginx.stop('SIGQUIT'));
  return { origin, dir, stop: () => nginx.stop('SIGQUIT') };
}
