/**
 * The multi-instance journeys' server (playwright.cluster.config.ts): one build (.next-e2e, the same source as the
 * main suite's), a fresh fixture database, a Redis server of its own, instances A and B of the site sharing
 * secrets, Redis and a picture folder, and nginx with deploy/nginx/newsroom.conf in front. A control port lets a
 * journey stop and start instance A and Redis. On SIGTERM everything is stopped and the database dropped.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

import { users } from '../../db/schema';
import { hashPassword } from '../../lib/passwords';
import { ensureFreshBuild } from '../../scripts/lib/build';
import { Cleanup } from '../../scripts/lib/cleanup';
import { startInstance, startNginx, startRedis } from '../../scripts/lib/cluster';
import { publishDatabaseUrl } from '../support/database-address';
import { prepareFixtureDatabase } from '../support/fixture-database';
import { startMailCatcher } from '../support/mail-catcher';
import { loadReaders, topology } from './topology';

// Before anything reads the environment (lib/env.ts parses it on first use): the picture folder the instances share.
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-cluster-'));
process.env.MEDIA_DIR = path.join(workDir, 'media');

const cleanup = new Cleanup();
cleanup.add('remove the work folder', () => fs.rmSync(workDir, { recursive: true, force: true }));
const log = (name: string) => path.join(workDir, `${name}.log`);

try {
  const { url, cleanUp } = await prepareFixtureDatabase('newsroom_cluster_', async (db) => {
    const passwordHash = await hashPassword(loadReaders.password);
    await db.insert(users).values(Array.from({ length: loadReaders.count }, (_, n) => ({ name: `Cluster reader ${n}`, email: loadReaders.email(n), passwordHash, emailVerified: new Date() })));
  });
  cleanup.add('drop the database', cleanUp);
  // Journeys read this database and the mail the site sent (e2e/support/mailbox.ts), through whichever port they talk to.
  const ports = [topology.ports.nginx, topology.ports.a, topology.ports.b];
  for (const port of ports) cleanup.add('forget the database address', publishDatabaseUrl(port, url));
  const mail = await startMailCatcher(ports);
  cleanup.add('stop the mail server', mail.close);

  const redis = await startRedis(cleanup, { port: topology.ports.redis, logFile: log('redis') });
  const env = {
    ...process.env,
    DATABASE_URL: url,
    REDIS_URL: redis.url,
    SMTP_URL: mail.url,
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: process.env.E2E_DIST_DIR ?? '.next-e2e',
    SITE_URL: topology.nginx,
    TRUSTED_PROXIES: '127.0.0.1',
  } as NodeJS.ProcessEnv;
  await ensureFreshBuild({ distDir: env.NEXT_DIST_DIR!, env });

  const a = await startInstance(cleanup, { name: 'A', port: topology.ports.a, env, logFile: log('instance-a') });
  const b = await startInstance(cleanup, { name: 'B', port: topology.ports.b, env, logFile: log('instance-b') });
  await startNginx(cleanup, { listenPort: topology.ports.nginx, upstreams: [`127.0.0.1:${topology.ports.a}`, `127.0.0.1:${topology.ports.b}`] });

  const actions: Record<string, () => Promise<void>> = {
    '/a/stop': () => a.stop('SIGTERM'),
    '/a/kill': () => a.stop('SIGKILL'),
    '/a/start': () => (a.running ? Promise.resolve() : a.start()),
    '/b/stop': () => b.stop('SIGTERM'),
    '/b/start': () => (b.running ? Promise.resolve() : b.start()),
    '/redis/stop': () => redis.stop(),
    '/redis/start': () => redis.start(),
  };
  const controlServer = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/database') {
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end(url);
      return;
    }
    const action = req.method === 'POST' ? actions[req.url ?? ''] : undefined;
    if (!action) {
      res.writeHead(404).end();
      return;
    }
    action().then(
      () => res.writeHead(204).end(),
      (error: unknown) => res.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(error)),
    );
  });
  await new Promise<void>((resolve) => controlServer.listen(topology.ports.control, '127.0.0.1', resolve));
  cleanup.add('close the control port', () => new Promise((resolve) => controlServer.close(resolve)));
  console.log(`cluster ready: nginx ${topology.nginx}, A ${topology.a}, B ${topology.b} (logs in ${workDir})`);
} catch (error) {
  console.error(error);
  for (const file of fs.existsSync(workDir) ? fs.readdirSync(workDir).filter((name) => name.endsWith('.log')) : []) {
    console.error(`--- ${file}\n${fs.readFileSync(path.join(workDir, file), 'utf8').slice(-4000)}`);
  }
  await cleanup.run();
  process.exit(1);
}
