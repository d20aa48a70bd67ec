/**
 * `npm run build`: the production build `npm start` serves (in NEXT_DIST_DIR, default .next), made only when the
 * source changed, with its deployment id (scripts/lib/build.ts). Build before an upgrade, then restart: the site is
 * down only for the restart, and every machine that builds the same commit makes the same deployment.
 */
import { ensureFreshBuild } from './lib/build';

const distDir = process.env.NEXT_DIST_DIR || '.next';
await ensureFreshBuild({ distDir, env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' } });
