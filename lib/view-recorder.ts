import type { ViewOutcome } from './view-counting';

/**
 * The process's view counter (server/view-counter.ts), as Next's route handlers reach it: the front answers anonymous
 * beacons itself, and hands those that carry a session to Next (app/api/views), which knows whether the viewer is
 * staff. Next bundles its own copy of every module, so the counter is found on globalThis, where server/main.ts
 * puts it. Absent under `next dev`: nothing is counted there.
 */
export type ViewRecorder = (
  input: { articleId: number; address: string; userAgent: string | undefined; headers: Record<string, string | string[] | undefined> },
  staff: boolean,
) => Promise<ViewOutcome>;

const holder = globalThis as unknown as { __newsroomViewRecorder?: ViewRecorder };

export function setViewRecorder(recorder: ViewRecorder | undefined): void {
  holder.__newsroomViewRecorder = recorder;
}

export function viewRecorder(): ViewRecorder | undefined {
  return holder.__newsroomViewRecorder;
}
