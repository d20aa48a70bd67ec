/**
 * `npm run build`: the production build `npm start` serves (in NEXT_DIST_DIR, default .next), made only when the
 * source changed, with its deployment id (scripts/lib/build.ts): every machine that builds the same commit makes the
 * same deployment. `next build` empties its folder first, so never build into the folder a running site serves
 * (docs/deploy.md: a second checkout, then switch).
 */
import { ensureFreshBuild } from './lib/build';

const distDir = process.env.NEXT_DIST_DIR || '.next';
await ensureFreshBuild({ distDir, env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' } });
