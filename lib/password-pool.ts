import { Worker } from 'node:worker_threads';

import { PasswordHashBusyError } from './errors';

/**
 * A bounded pool of threads of its own for scrypt (docs/adr/0024). node:crypto's asynchronous scrypt runs on libuv's
 * thread pool, four threads shared with file reads, zlib streams, Web Crypto (Auth.js's cookies and CSRF tokens) and
 * DNS lookups: a burst of sign-ins filled it and everything else queued behind the hashes. Here each thread runs
 * scryptSync on one job at a time, at most `threads` jobs run at once, at most `maxQueue` wait, and none waits longer
 * than `maxWaitMs`; anything beyond that is refused at once with PasswordHashBusyError ("try again in a moment").
 */

export type ScryptJob = { password: string; salt: Buffer; keyLength: number; N: number; r: number; p: number; maxmem: number };
export type PoolLimits = { threads: number; maxQueue: number; maxWaitMs: number };

type Reply = { ok: true; key: Uint8Array } | { ok: false; message: string };
type Pending = { job: ScryptJob; resolve: (key: Buffer) => void; reject: (error: Error) => void };
type Waiting = Pending & { timer: NodeJS.Timeout };

/*
 * The worker's code is a string evaluated by Node (`eval: true`), not a file: Next's server bundle rewrites and moves
 * modules, and a worker file next to this one would not be where a path computed at run time points, in the build,
 * under tsx and under vitest alike. It is plain CommonJS that needs nothing but Node.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { scryptSync } = require('node:crypto');
parentPort.on('message', ({ password, salt, keyLength, N, r, p, maxmem }) => {
  try {
    parentPort.postMessage({ ok: true, key: scryptSync(password, salt, keyLength, { N, r, p, maxmem }) });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
`;

class PoolThread {
  // No execArgv of the parent's: a loader (tsx) or --input-type=module there would make this plain script a module.
  private readonly worker = new Worker(WORKER_SOURCE, { eval: true, name: 'password-hash', execArgv: [] });
  private current: Pending | null = null;

  constructor(private readonly onFree: (thread: PoolThread) => void, onGone: (thread: PoolThread) => void) {
    // An idle thread must not keep the process alive (a script ends when its work is done); a busy one does, so a
    // top-level `await hashPassword()` is not cut short.
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => {
      const pending = this.finish();
      if (reply.ok) pending?.resolve(Buffer.from(reply.key.buffer, reply.key.byteOffset, reply.key.byteLength));
      else pending?.reject(new Error(reply.message));
      this.onFree(this);
    });
    let gone = false;
    // 'error' is followed by 'exit': the thread is gone once.
    const fail = (error: Error) => {
      if (gone) return;
      gone = true;
      this.finish()?.reject(error);
      onGone(this);
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`the password-hash thread stopped (exit code ${code})`)));
  }

  get busy(): boolean {
    return this.current !== null;
  }

  start(pending: Pending): void {
    this.current = pending;
    this.worker.ref();
    this.worker.postMessage(pending.job);
  }

  private finish(): Pending | null {
    const pending = this.current;
    this.current = null;
    this.worker.unref();
    return pending;
  }

  stop(): Promise<number> {
    return this.worker.terminate();
  }
}

export class ScryptPool {
  private readonly threads = new Set<PoolThread>();
  private readonly waiting: Waiting[] = [];

  constructor(readonly limits: PoolLimits) {}

  /** The derived key, or PasswordHashBusyError when the pool and its queue are full or the wait ran out. */
  derive(job: ScryptJob): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const pending = { job, resolve, reject };
      const thread = this.idleThread();
      if (thread) return thread.start(pending);
      if (this.waiting.length >= this.limits.maxQueue) return reject(new PasswordHashBusyError());
      const waiting: Waiting = {
        ...pending,
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(waiting), 1);
          reject(new PasswordHashBusyError());
        }, this.limits.maxWaitMs),
      };
      waiting.timer.unref();
      this.waiting.push(waiting);
    });
  }

  /** Jobs running and waiting now. */
  get load(): { running: number; waiting: number } {
    return { running: [...this.threads].filter((thread) => thread.busy).length, waiting: this.waiting.length };
  }

  /** Stops every thread (tests); jobs still waiting are refused. */
  async close(): Promise<void> {
    for (const waiting of this.waiting.splice(0)) {
      clearTimeout(waiting.timer);
      waiting.reject(new PasswordHashBusyError());
    }
    const threads = [...this.threads];
    this.threads.clear();
    await Promise.all(threads.map((thread) => thread.stop()));
  }

  private idleThread(): PoolThread | null {
    for (const thread of this.threads) if (!thread.busy) return thread;
    if (this.threads.size >= this.limits.threads) return null;
    const thread = new PoolThread(
      (free) => this.next(free),
      (gone) => {
        this.threads.delete(gone);
        // A lost thread's place is taken by a new one for whoever waits.
        const waiting = this.waiting.shift();
        if (waiting) this.dispatch(waiting, this.idleThread());
      },
    );
    this.threads.add(thread);
    return thread;
  }

  private next(thread: PoolThread): void {
    if (!this.threads.has(thread)) return;
    const waiting = this.waiting.shift();
    if (waiting) this.dispatch(waiting, thread);
  }

  private dispatch(waiting: Waiting, thread: PoolThread | null): void {
    clearTimeout(waiting.timer);
    if (thread) thread.start(waiting);
    else waiting.reject(new PasswordHashBusyError());
  }
}
