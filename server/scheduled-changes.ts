/**
 * At the moment the public set of stories next changes by itself (a scheduled story falls due, or one expires),
 * invalidates the story lists, which every cached page carries. Fed by the database watch with the next such moment.
 */
export function createScheduler(invalidate: (tags: string[]) => void, log: (message: string) => void = console.log) {
  let timer: NodeJS.Timeout | null = null;

  return function arm(due: Date | null): void {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!due) return;
    const delay = Math.max(0, due.getTime() - Date.now());
    // setTimeout holds at most about 24 days; the watch arms again long before then.
    if (delay > 2 ** 31 - 1) return;
    timer = setTimeout(() => {
      timer = null;
      log(`[front] scheduled change at ${due.toISOString()}: story lists invalidated`);
      invalidate(['articles']);
    }, delay);
    timer.unref();
  };
}
