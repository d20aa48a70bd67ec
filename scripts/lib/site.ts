import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';

import { createDatabase, dropAbandonedDatabases, dropDatabase } from '../../db/admin';
import { runMigrations } from '../../db/migrate';
import { ensureFreshBuild } from './build';
import type { Cleanup } from './cleanup';
import { startInstance, startNginx, startRedis, type Instance } from './cluster';
import { resolveDatabase } from './database';
import { seedIfEmpty } from './seed';

/** The first port from `preferred` on that nothing listens on (checked the way server/main.ts listens: every interface). */
export async function freePort(preferred: number, tries = 50): Promise<number> {
  for (let port = preferred; port < preferred + tries; port += 1) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer().once('error', () => resolve(false));
      probe.listen(port, () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${preferred}-${preferred + tries - 1}`);
}

/**
 * A fresh database of its own with the demo newspaper and demo accounts: created on DATABASE_URL's server, or on the
 * embedded one; dropped (and the embedded server released) by `cleanup`.
 */
async function freshDemoDatabase(cleanup: Cleanup, databasePrefix: string): Promise<string> {
  const server = await resolveDatabase();
  cleanup.add('release the database server', () => server.release());
  await dropAbandonedDatabases(server.adminUrl, databasePrefix);
  const name = `${databasePrefix}${Date.now()}_${randomBytes(3).toString('hex')}`;
  const url = await createDatabase(server.adminUrl, name);
  cleanup.add(`drop the database ${name}`, () => dropDatabase(server.adminUrl, name));
  console.log(`database ${name}`);
  await runMigrations(url);
  await seedIfEmpty(url);
  return url;
}

function productionEnv(url: string, siteUrl: string, distDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: url,
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    SITE_URL: siteUrl,
    NEXT_DIST_DIR: distDir,
  } as NodeJS.ProcessEnv;
}

/**
 * The production site as `npm start` runs it (server/main.ts) on a fresh demo database (see freshDemoDatabase), with
 * `env` added to its environment. Everything it starts is undone by `cleanup`. Server output goes to `logFile`.
 */
export async function startSiteOnFreshDatabase(
  cleanup: Cleanup,
  options: { databasePrefix: string; port: number; distDir: string; logFile: string; env?: Record<string, string> },
): Promise<{ origin: string; databaseUrl: string; instance: Instance }> {
  const url = await freshDemoDatabase(cleanup, options.databasePrefix);
  const origin = `http://127.0.0.1:${options.port}`;
  const env = { ...productionEnv(url, origin, options.distDir), ...options.env };
  await ensureFreshBuild({ distDir: options.distDir, env });
  console.log(`site starting on ${origin} (log: ${options.logFile})`);
  const instance = await startInstance(cleanup, { name: 'the site', port: options.port, env, logFile: options.logFile });
  return { origin, databaseUrl: url, instance };
}

/**
 * Two instances of the production site on a fresh demo database, sharing a Redis of their own, behind nginx running
 * deploy/nginx/newsroom.conf (docs/deploy.md), which also serves `staticRoot` on a port of its own (a benchmark's
 * ceiling). Logs go to `logDir`.
 */
export async function startClusterOnFreshDatabase(
  cleanup: Cleanup,
  options: { databasePrefix: string; port: number; distDir: string; logDir: string; staticRoot: string },
): Promise<{ origin: string; staticOrigin: string; instances: string[] }> {
  const url = await freshDemoDatabase(cleanup, options.databasePrefix);
  const [nginxPort, staticPort, redisPort, ...instancePorts] = await freePorts(options.port, 5);
  const origin = `http://127.0.0.1:${nginxPort}`;
  const redis = await startRedis(cleanup, { port: redisPort!, logFile: path.join(options.logDir, 'redis.log') });
  const env = { ...productionEnv(url, origin, options.distDir), REDIS_URL: redis.url, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString('base64'), TRUSTED_PROXIES: '127.0.0.1' };
  await ensureFreshBuild({ distDir: options.distDir, env });
  const instances = await Promise.all(
    instancePorts.map((port, index) => startInstance(cleanup, { name: `instance ${index + 1}`, port, env, logFile: path.join(options.logDir, `instance-${index + 1}.log`) })),
  );
  await startNginx(cleanup, { listenPort: nginxPort!, upstreams: instancePorts.map((port) => `127.0.0.1:${port}`), staticSite: { port: staticPort!, root: options.staticRoot } });
  console.log(`nginx on ${origin} in front of ${instances.map((instance) => instance.origin).join(' and ')} (logs in ${options.logDir})`);
  return { origin, staticOrigin: `http://127.0.0.1:${staticPort}`, instances: instances.map((instance) => instance.origin) };
}

/** `count` distinct free ports from `preferred` on. */
async function freePorts(preferred: number, count: number): Promise<number[]> {
  const ports: number[] = [];
  for (let port = preferred; ports.length < count; port = ports.at(-1)! + 1) ports.push(await freePort(port));
  return ports;
}
