/**
 * At the moment the public site next changes by itself (a scheduled story falls due, one expires, a breaking-news
 * banner runs out), invalidates the story lists and the banner, which every cached page carries. Fed by the database watch with the next such moment.
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
      log(`[front] scheduled change at ${due.toISOString()}: story lists and banner invalidated`);
      invalidate(['articles', 'breaking']);
    }, delay);
    timer.unref();
  };
}
