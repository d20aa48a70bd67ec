import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/*
 * Where a suite's server leaves the address of its fresh database, so that journeys can read what the site queued
 * (the outbox) without a mail server: one file per port, written by e2e/serve.ts (and the cluster's serve.ts).
 */
const fileFor = (port: string | number) => path.join(os.tmpdir(), `newsroom-e2e-${port}.database-url`);

export function publishDatabaseUrl(port: string | number, url: string): () => void {
  fs.writeFileSync(fileFor(port), url, { mode: 0o600 });
  return () => fs.rmSync(fileFor(port), { force: true });
}

export function readDatabaseUrl(port: string | number): string {
  return fs.readFileSync(fileFor(port), 'utf8').trim();
}
