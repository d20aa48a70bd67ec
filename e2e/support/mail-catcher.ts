import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startTestSmtp } from '../../test/smtp';
import { publishMailDir } from './database-address';

/**
 * The journeys' mail server: a real SMTP server (test/smtp.ts) that files every message it receives as
 * `<arrival number>.eml` in a folder of its own, published for `ports` so journeys can read it (e2e/support/mailbox.ts).
 * The site reaches it through SMTP_URL, so journeys see what the outbox, the worker and SMTP really delivered.
 */
export async function startMailCatcher(ports: (string | number)[]): Promise<{ url: string; close: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-e2e-mail-'));
  let arrivals = 0;
  const smtp = await startTestSmtp({
    parse: false,
    onMessage: (raw) => fs.writeFileSync(path.join(dir, `${String(++arrivals).padStart(6, '0')}.eml`), raw),
  });
  const forget = ports.map((port) => publishMailDir(port, dir));
  return {
    url: smtp.url,
    close: async () => {
      for (const unpublish of forget) unpublish();
      await smtp.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
