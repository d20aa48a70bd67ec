/**
 * Undo steps for a script that starts things (a database, a server): they run once, last added first, whether the
 * script ends normally, fails, is interrupted (Ctrl-C, SIGTERM) or runs past its deadline.
 */
export class Cleanup {
  private readonly steps: { label: string; undo: () => unknown }[] = [];
  private done: Promise<void> | null = null;

  /** Cleans up and exits on SIGINT/SIGTERM, and after `deadlineMs` if the script is still running then. */
  constructor(options: { deadlineMs?: number } = {}) {
    let aborting = false;
    const abort = (why: string, code: number) => {
      // A second signal (a wrapper such as npx or tsx passing the first one on) must not cut the clean-up short.
      if (aborting) return;
      aborting = true;
      console.error(`\n${why}: cleaning up...`);
      void this.run().finally(() => process.exit(code));
    };
    process.on('SIGINT', () => abort('SIGINT', 130));
    process.on('SIGTERM', () => abort('SIGTERM', 143));
    if (options.deadlineMs) setTimeout(() => abort(`still running after ${Math.round(options.deadlineMs! / 1000)} s`, 1), options.deadlineMs).unref();
  }

  add(label: string, undo: () => unknown): void {
    this.steps.push({ label, undo });
  }

  run(): Promise<void> {
    this.done ??= (async () => {
      for (const { label, undo } of this.steps.reverse()) {
        try {
          console.log(`cleaning up: ${label}`);
          await undo();
        } catch (error) {
          console.error(`could not ${label}:`, error instanceof Error ? error.message : error);
        }
      }
    })();
    return this.done;
  }
}
