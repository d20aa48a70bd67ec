import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/*
 * What a suite's server tells its journeys, one file per port, written by e2e/serve.ts (and the cluster's serve.ts):
 * the address of its fresh database (journeys read what the site stored) and the folder where its SMTP server files
 * every message it received (journeys read the mail the site really sent).
 */
const fileFor = (port: string | number, what: 'database-url' | 'mail-dir') => path.join(os.tmpdir(), `newsroom-e2e-${port}.${what}`);

function publish(port: string | number, what: 'database-url' | 'mail-dir', value: string): () => void {
  fs.writeFileSync(fileFor(port, what), value, { mode: 0o600 });
  return () => fs.rmSync(fileFor(port, what), { force: true });
}

export const publishDatabaseUrl = (port: string | number, url: string) => publish(port, 'database-url', url);
export const publishMailDir = (port: string | number, dir: string) => publish(port, 'mail-dir', dir);

export const readDatabaseUrl = (port: string | number) => fs.readFileSync(fileFor(port, 'database-url'), 'utf8').trim();
export const readMailDir = (port: string | number) => fs.readFileSync(fileFor(port, 'mail-dir'), 'utf8').trim();
