import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { dataDir, env } from '../../lib/env';

/** AUTH_SECRET from the environment, or one generated once and kept in DATA_DIR/auth.secret (mode 600). */
export function ensureAuthSecret(): string {
  const configured = env().AUTH_SECRET;
  if (configured) return configured;
  const file = path.join(dataDir(), 'auth.secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir(), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
