import type http from 'node:http';

/**
 * Sign-ins let into Next a few at a time (docs/adr/0024). Each one is Next's router, Auth.js's Web Crypto, a handful
 * of queries and a password hash: ~20 ms of the event loop's time besides the hash, so 200 at once kept the loop busy
 * for seconds and every page read, even a page-cache hit, waited behind them. Beyond `concurrency` a sign-in waits
 * here, where waiting costs nothing, at most `maxWaiting` of them and `maxWaitMs` each; past that it gets a 503 that
 * says to try again.
 */
export type GateLimits = { concurrency: number; maxWaiting: number; maxWaitMs: number };

export const BUSY_TEXT = 'Too many people are signing in right now. Please try again in a moment.';
const RETRY_AFTER_SECONDS = 2;

/**
 * What kind of sign-in request this is: Auth.js's endpoints ('api'), the sign-in and registration forms' server
 * actions ('form'), or none. A form's action expects Next's own answer, which a plain 503 is not (the page would show
 * its error screen): a form that waited its longest goes in anyway, and a full password-hash pool answers it with
 * the form's own "try again" (lib/password-pool.ts).
 */
export function signInRequestKind(req: http.IncomingMessage): 'api' | 'form' | null {
  const path = (req.url ?? '').split('?')[0]!;
  if (path.startsWith('/api/auth/')) return 'api';
  return isFormPost(req) && (path === '/login' || path === '/register') ? 'form' : null;
}

/** A form's post: by React (the Next-Action header), or by the browser itself when no script runs (a form body). */
function isFormPost(req: http.IncomingMessage): boolean {
  if (req.method !== 'POST') return false;
  return req.headers['next-action'] !== undefined || /^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(req.headers['content-type'] ?? '');
}

export class SignInGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limits: GateLimits) {}

  /**
   * Calls `handle` now or once a place is free (a place is held until the response closes); when the wait is too
   * long, answers 503 itself ('api') or calls `handle` anyway ('form').
   */
  run(kind: 'api' | 'form', res: http.ServerResponse, handle: () => void): void {
    const start = () => {
      this.running += 1;
      res.once('close', () => {
        this.running -= 1;
        this.waiting.shift()?.();
      });
      handle();
    };
    if (this.running < this.limits.concurrency) return start();
    const overflow = () => (kind === 'form' ? handle() : busy(res));
    if (this.waiting.length >= this.limits.maxWaiting) return overflow();

    const leave = () => {
      clearTimeout(timer);
      const at = this.waiting.indexOf(enter);
      if (at >= 0) this.waiting.splice(at, 1);
    };
    const enter = () => {
      leave();
      res.off('close', leave);
      start();
    };
    const timer = setTimeout(() => {
      leave();
      res.off('close', leave);
      overflow();
    }, this.limits.maxWaitMs);
    // A reader who gave up while waiting leaves the queue.
    res.once('close', leave);
    this.waiting.push(enter);
  }

  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }
}

function busy(res: http.ServerResponse): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'Retry-After': String(RETRY_AFTER_SECONDS) });
  res.end(BUSY_TEXT);
}
