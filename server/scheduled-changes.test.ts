import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createFactory } from '@/test/factories';

import { DatabaseWatch } from './database-watch';
import { createScheduler } from './scheduled-changes';

let factory: ReturnType<typeof createFactory>;

beforeAll(() => {
  factory = createFactory();
});

afterAll(async () => {
  await factory.cleanUp();
});

describe('scheduled changes', () => {
  it('invalidates the story lists at the moment a scheduled story falls due, without anyone asking', async () => {
    const section = await factory.section('Scheduled');
    const due = new Date(Date.now() + 1500);
    await factory.article({ sectionId: section.id, status: 'published', publishedAt: due });

    const invalidations: { tags: string[]; at: number }[] = [];
    const watch = new DatabaseWatch({
      url: process.env.DATABASE_URL!,
      intervalMs: 60_000,
      onSchedule: createScheduler((tags) => invalidations.push({ tags, at: Date.now() }), () => {}),
    });
    try {
      expect(await watch.check()).toBe(true);
      expect(invalidations).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 2500));
      expect(invalidations).toHaveLength(1);
      expect(invalidations[0]!.tags).toEqual(['articles', 'breaking']);
      // Published timestamps keep microseconds; the timer has millisecond precision.
      expect(invalidations[0]!.at).toBeGreaterThanOrEqual(due.getTime() - 1);
      expect(invalidations[0]!.at - due.getTime()).toBeLessThan(500);
    } finally {
      await watch.stop();
    }
  });

  it('lets go of a timer when nothing is due any more', () => {
    const invalidations: string[][] = [];
    const arm = createScheduler((tags) => invalidations.push(tags), () => {});
    arm(new Date(Date.now() + 50));
    arm(null);
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        expect(invalidations).toEqual([]);
        resolve();
      }, 150),
    );
  });
});
