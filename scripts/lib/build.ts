import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Everything that changes what `next build` produces. */
const SOURCE_DIRS = ['app', 'components', 'lib', 'data', 'db', 'actions', 'public'];
const SOURCE_FILES = ['proxy.ts', 'auth.ts', 'auth.config.ts', 'next.config.js', 'package-lock.json', 'tsconfig.json', 'package.json'];
const SKIP = /(^|\/)(node_modules|\.next[^/]*|migrations)(\/|$)|\.test\.tsx?$/;

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !SKIP.test(file));
}

/** A hash of the source tree: a clone has new mtimes, so content is what counts. */
export function sourceFingerprint(root = process.cwd()): string {
  const files = [...SOURCE_DIRS.flatMap((dir) => listFiles(path.join(root, dir))), ...SOURCE_FILES.map((file) => path.join(root, file)).filter((file) => fs.existsSync(file))].sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(path.relative(root, file));
    hash.update('\0');
    hash.update(fs.readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function stampFile(distDir: string): string {
  return path.join(distDir, 'newsroom-source.sha256');
}

/** Where a build keeps the deployment id it was made with: server/main.ts gives it to Next at start (see there). */
export const DEPLOYMENT_ID_FILE = 'newsroom-deployment-id';

export function isBuildFresh(distDir: string, fingerprint: string): boolean {
  try {
    return fs.existsSync(path.join(distDir, 'BUILD_ID')) && fs.readFileSync(stampFile(distDir), 'utf8').trim() === fingerprint;
  } catch {
    return false;
  }
}

export function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    child.once('error', reject);
    child.once('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${code ?? signal})`))));
  });
}

/**
 * Builds with `next build` unless the build in `distDir` was made from exactly this source. The build's deployment
 * id (Next's version-skew protection: asset URLs, `'use cache'` keys, a reload when a browser meets another
 * deployment) is NEXT_DEPLOYMENT_ID when the operator sets one, else made from the source: every machine that builds
 * the same commit builds the same deployment, so instances built separately agree (docs/deploy.md).
 */
export async function ensureFreshBuild(options: { distDir: string; env: NodeJS.ProcessEnv }): Promise<void> {
  const operatorId = options.env.NEXT_DEPLOYMENT_ID?.trim();
  const fingerprint = operatorId ? `${sourceFingerprint()}+${operatorId}` : sourceFingerprint();
  if (isBuildFresh(options.distDir, fingerprint)) {
    console.log(`build in ${options.distDir} is up to date`);
    return;
  }
  console.log(`building (${fs.existsSync(options.distDir) ? 'source changed since the last build' : 'no build yet'})...`);
  const deploymentId = operatorId || `src-${fingerprint.slice(0, 16)}`;
  await run(path.join('node_modules', '.bin', 'next'), ['build'], { ...options.env, NEXT_DIST_DIR: options.distDir, NEXT_DEPLOYMENT_ID: deploymentId });
  fs.writeFileSync(path.join(options.distDir, DEPLOYMENT_ID_FILE), `${deploymentId}\n`);
  fs.writeFileSync(stampFile(options.distDir), `${fingerprint}\n`);
}
