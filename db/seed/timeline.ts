/**
 * When each demo story was written, published, edited and (rarely) withdrawn. Every date is an offset from
 * `now` drawn from the seeded generator, so one (seed, now) pair always gives the same calendar.
 */
import type { Random } from './random';

export type Lifecycle = 'past' | 'scheduled' | 'draft' | 'review';

export type ArticleDates = {
  publishedAt: Date | null;
  /** "Edited after publication", which readers see: null on every story not yet published. */
  updatedAt: Date | null;
  unpublishAt: Date | null;
  createdAt: Date;
  version: number;
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const ARCHIVE = 730 * DAY;
const UPDATED_SHARE = 0.15;

const floorMinute = (time: number) => new Date(Math.floor(time / MINUTE) * MINUTE);
const ceilMinute = (time: number) => new Date(Math.ceil(time / MINUTE) * MINUTE);

/** A moment strictly between `from` and `to`, on the minute, or null when they are too close for one. */
function between(random: Random, from: Date, to: Date): Date | null {
  const moment = floorMinute(from.getTime() + (to.getTime() - from.getTime()) * random.float(0.2, 0.9));
  return moment > from && moment < to ? moment : null;
}

function pastDates(random: Random, now: Date): ArticleDates {
  // Squaring a uniform number crowds the ages towards zero: the archive thins out as it gets older, like a
  // real site's. The floor keeps every "past" story at least a quarter of an hour old, so it is already public.
  const age = Math.max(15 * MINUTE, ARCHIVE * random.next() ** 2);
  const publishedAt = floorMinute(now.getTime() - age);
  const createdAt = floorMinute(publishedAt.getTime() - random.int(1, 36) * HOUR - random.int(0, 59) * MINUTE);
  let updatedAt: Date | null = null;
  if (random.chance(UPDATED_SHARE)) {
    const later = random.chance(0.6) ? random.int(1, 12) * HOUR : random.int(1, 6) * DAY;
    const candidate = floorMinute(publishedAt.getTime() + later + random.int(0, 59) * MINUTE);
    updatedAt = candidate < now ? candidate : between(random, publishedAt, now);
  }
  return { publishedAt, createdAt, updatedAt, unpublishAt: null, version: updatedAt ? random.int(2, 4) : 1 };
}

function scheduledDates(random: Random, now: Date): ArticleDates {
  // From just over an hour to just under five days ahead, on the minute.
  const publishedAt = ceilMinute(now.getTime() + random.int(61, 5 * 24 * 60 - 1) * MINUTE);
  const createdAt = floorMinute(now.getTime() - random.int(2, 72) * HOUR);
  return { publishedAt, createdAt, updatedAt: null, unpublishAt: null, version: random.int(1, 3) };
}

function unpublishedDates(random: Random, now: Date): ArticleDates {
  const createdAt = floorMinute(now.getTime() - random.int(3, 240) * HOUR);
  return { publishedAt: null, createdAt, updatedAt: null, unpublishAt: null, version: random.int(1, 5) };
}

/**
 * Gives one story an expiry that has already passed (so it is not public) and one a future expiry (public
 * until then). Everything else never expires.
 */
function addExpiries(random: Random, now: Date, dates: ArticleDates[]): void {
  const ageOf = (date: ArticleDates) => now.getTime() - (date.publishedAt?.getTime() ?? now.getTime());
  const withdrawable = dates.filter((date) => date.publishedAt && ageOf(date) > 30 * DAY && ageOf(date) < 400 * DAY);
  const expiring = dates.filter((date) => date.publishedAt && ageOf(date) > 0 && ageOf(date) < 3 * DAY);
  if (withdrawable.length > 0) {
    const date = random.pick(withdrawable);
    date.unpublishAt = floorMinute((date.publishedAt as Date).getTime() + random.int(3, 14) * DAY);
  }
  if (expiring.length > 0) random.pick(expiring).unpublishAt = ceilMinute(now.getTime() + random.int(20, 40) * DAY);
}

export function planDates(random: Random, now: Date, lifecycles: readonly Lifecycle[]): ArticleDates[] {
  const dates = lifecycles.map((lifecycle) => {
    if (lifecycle === 'past') return pastDates(random, now);
    if (lifecycle === 'scheduled') return scheduledDates(random, now);
    return unpublishedDates(random, now);
  });
  addExpiries(random, now, dates);
  return dates;
}
