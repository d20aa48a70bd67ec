import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { clearStalePidFile, keepRunning, readSharedMemoryAttachments } from './embedded';

/** A process that runs until it is killed, started the way the embedded server is (its own group). */
function sleeper(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore', detached: true });
  return new Promise((resolve, reject) => {
    child.once('spawn', () => resolve(child));
    child.once('error', reject);
  });
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

const started: ChildProcess[] = [];
async function track(start: Promise<ChildProcess>): Promise<ChildProcess> {
  const child = await start;
  started.push(child);
  return child;
}

afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

describe('keepRunning', () => {
  it('starts a process that was killed again at once, and says how it ended', async () => {
    const first = await track(sleeper());
    const exits: string[] = [];
    let restarted!: (value: { tookMs: number; attempts: number }) => void;
    const restart = new Promise<{ tookMs: number; attempts: number }>((resolve) => (restarted = resolve));
    const pids: (number | undefined)[] = [];
    const kept = keepRunning(first, {
      start: (exitedPid) => {
        pids.push(exitedPid);
        return track(sleeper());
      },
      onExit: (how) => exits.push(how),
      onRestart: (tookMs, attempts) => restarted({ tookMs, attempts }),
    });

    first.kill('SIGKILL');
    const { tookMs, attempts } = await restart;
    expect(exits).toEqual(['killed by SIGKILL']);
    expect(pids).toEqual([first.pid]);
    expect(attempts).toBe(1);
    expect(tookMs).toBeLessThan(1000);
    expect(kept.current).not.toBe(first);
    expect(kept.current?.exitCode).toBeNull();
    expect(kept.current?.signalCode).toBeNull();

    // The restarted process is watched too.
    const second = kept.current!;
    second.kill('SIGKILL');
    await expect.poll(() => exits).toEqual(['killed by SIGKILL', 'killed by SIGKILL']);
    await expect.poll(() => kept.current !== null && kept.current !== second).toBe(true);
    await kept.release();
  });

  it('tries again while starting fails, then carries on watching', async () => {
    const first = await track(sleeper());
    const retries: string[] = [];
    let calls = 0;
    let restarted!: (attempts: number) => void;
    const restart = new Promise<number>((resolve) => (restarted = resolve));
    const kept = keepRunning(first, {
      start: () => {
        calls += 1;
        return calls < 3 ? Promise.reject(new Error(`busy ${calls}`)) : track(sleeper());
      },
      retryDelayMs: 20,
      onRetry: (error, attempt) => retries.push(`${attempt}: ${error.message}`),
      onRestart: (_, attempts) => restarted(attempts),
    });

    first.kill('SIGTERM');
    expect(await restart).toBe(3);
    expect(retries).toEqual(['1: busy 1', '2: busy 2']);
    expect(kept.current?.exitCode).toBeNull();
    await kept.release();
  });

  it('gives up when starting keeps failing', async () => {
    const first = await track(sleeper());
    let gaveUp!: (error: Error) => void;
    const giveUp = new Promise<Error>((resolve) => (gaveUp = resolve));
    const kept = keepRunning(first, {
      start: () => Promise.reject(new Error('no room')),
      retryDelayMs: 10,
      giveUpAfterMs: 100,
      onGiveUp: (error) => gaveUp(error),
    });

    first.kill('SIGKILL');
    expect((await giveUp).message).toBe('no room');
    expect(kept.current).toBeNull();
    expect(await kept.release()).toBeNull();
  });

  it('leaves a process alone once released: stopping it is not a crash', async () => {
    const first = await track(sleeper());
    let starts = 0;
    const exits: string[] = [];
    const kept = keepRunning(first, {
      start: () => {
        starts += 1;
        return track(sleeper());
      },
      onExit: (how) => exits.push(how),
    });

    expect(await kept.release()).toBe(first);
    first.kill('SIGINT');
    await exited(first);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(starts).toBe(0);
    expect(exits).toEqual([]);
  });

  it('hands a restart under way to release(), which waits for it', async () => {
    const first = await track(sleeper());
    let finishStart!: () => void;
    const startCalled = new Promise<void>((resolve) => (finishStart = resolve));
    let replacement: ChildProcess | null = null;
    const restarted: number[] = [];
    const kept = keepRunning(first, {
      start: async () => {
        finishStart();
        await new Promise((resolve) => setTimeout(resolve, 100));
        replacement = await track(sleeper());
        return replacement;
      },
      onRestart: (tookMs) => restarted.push(tookMs),
    });

    first.kill('SIGKILL');
    await startCalled;
    const current = await kept.release();
    expect(current).toBe(replacement);
    expect(restarted).toEqual([]);
    // Released: its later exit is nobody's business.
    current!.kill('SIGKILL');
    await exited(current!);
  });
});

describe('clearStalePidFile', () => {
  const SHM_TABLE = [
    '       key      shmid perms                  size  cpid  lpid nattch   uid   gid  cuid  cgid      atime      dtime      ctime                   rss                  swap',
    '   5432001      32769   600                    56  7570  7720      6   999   999   999   999 1764599484          0 1764599484                  4096                     0',
    '   5432002      32770   600                    56  8000  8000      0   999   999   999   999 1764599484          0 1764599484                  4096                     0',
  ].join('\n');

  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  function cluster(pidFileLines: string[] | null): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-pidfile-'));
    dirs.push(dir);
    if (pidFileLines) fs.writeFileSync(path.join(dir, 'postmaster.pid'), `${pidFileLines.join('\n')}\n`);
    return dir;
  }
  const pidFile = (pid: number, shm: string | null) =>
    [String(pid), '/var/lib/newsroom/clusters/x', '1764599484', '35591', '', '127.0.0.1', ...(shm === null ? [] : [shm, 'ready   '])];

  it('reads the attachment count of each shared memory segment', () => {
    expect(readSharedMemoryAttachments(SHM_TABLE)).toEqual(new Map([[32769, 6], [32770, 0]]));
    expect(readSharedMemoryAttachments(null)).toBeNull();
  });

  const reused = () => true;
  const gone = () => false;

  it('removes the lock file of the dead postmaster whose PID was reused, once nothing is attached to its shared memory', () => {
    const cleared = cluster(pidFile(4242, '  5432002     32770'));
    expect(clearStalePidFile(cleared, 4242, readSharedMemoryAttachments(SHM_TABLE), reused)).toBe(true);
    expect(fs.existsSync(path.join(cleared, 'postmaster.pid'))).toBe(false);
  });

  it('removes it when the segment is gone, or was never made', () => {
    expect(clearStalePidFile(cluster(pidFile(4242, '  5432009     40000')), 4242, readSharedMemoryAttachments(SHM_TABLE), reused)).toBe(true);
    expect(clearStalePidFile(cluster(pidFile(4242, null)), 4242, readSharedMemoryAttachments(SHM_TABLE), reused)).toBe(true);
  });

  it('leaves a lock file whose process is gone to PostgreSQL, which also frees the old shared memory', () => {
    const stale = cluster(pidFile(4242, '  5432002     32770'));
    expect(clearStalePidFile(stale, 4242, readSharedMemoryAttachments(SHM_TABLE), gone)).toBe(false);
    expect(fs.existsSync(path.join(stale, 'postmaster.pid'))).toBe(true);
  });

  it('keeps it while old backends are still attached, or when it names another postmaster, or when it cannot tell', () => {
    const attached = cluster(pidFile(4242, '  5432001     32769'));
    expect(clearStalePidFile(attached, 4242, readSharedMemoryAttachments(SHM_TABLE), reused)).toBe(false);
    expect(fs.existsSync(path.join(attached, 'postmaster.pid'))).toBe(true);
    expect(clearStalePidFile(attached, 999, readSharedMemoryAttachments(SHM_TABLE), reused)).toBe(false);
    const unknown = cluster(pidFile(4242, '  5432002     32770'));
    expect(clearStalePidFile(unknown, 4242, null, reused)).toBe(false);
    expect(clearStalePidFile(unknown, undefined, readSharedMemoryAttachments(SHM_TABLE), reused)).toBe(false);
    expect(fs.existsSync(path.join(unknown, 'postmaster.pid'))).toBe(true);
  });

  it('does nothing without a lock file', () => {
    expect(clearStalePidFile(cluster(null), 4242, new Map(), reused)).toBe(false);
  });
});
