/**
 * Tags the demo stories. Every story carries its topic's main tag and a few of the topic's other tags, the
 * later ones in a topic's list less often. Because topics differ in how common they are, tag popularity comes
 * out skewed the way it is on a real site: a handful of tags on dozens of stories, a long tail on a few.
 */
import type { Random } from './random';
import type { Topic } from './topic';

export const MIN_TAGS_PER_STORY = 2;
export const MAX_TAGS_PER_STORY = 5;
/** A tag page with one or two stories looks broken, so no tag is used on fewer stories than this. */
export const MIN_STORIES_PER_TAG = 3;

const HOW_MANY = [
  { count: 2, weight: 30 },
  { count: 3, weight: 35 },
  { count: 4, weight: 22 },
  { count: 5, weight: 13 },
];

function tagsForStory(random: Random, topic: Topic): string[] {
  const [main, ...others] = topic.tags;
  if (main === undefined) throw new Error(`Topic ${topic.key} has no tags`);
  const wanted = Math.min(random.weighted(HOW_MANY, (option) => option.weight).count, topic.tags.length);
  const chosen = [main];
  const remaining = others.map((tag, index) => ({ tag, weight: 1 / (index + 1) }));
  while (chosen.length < wanted && remaining.length > 0) {
    const next = random.weighted(remaining, (option) => option.weight);
    chosen.push(next.tag);
    remaining.splice(remaining.indexOf(next), 1);
  }
  return chosen;
}

/** The tag slugs of each story, in the order of `topics` (one entry per story). */
export function assignTags(random: Random, topics: readonly Topic[]): string[][] {
  const tags = topics.map((topic) => tagsForStory(random, topic));
  const uses = new Map<string, number>();
  for (const tag of tags.flat()) uses.set(tag, (uses.get(tag) ?? 0) + 1);

  // Top up rare tags on stories whose topic lists them but which did not draw them.
  for (const topic of new Set(topics)) {
    for (const tag of topic.tags) {
      const candidates = random.shuffle(
        topics.flatMap((candidate, index) => {
          const own = tags[index] as string[];
          return candidate.tags.includes(tag) && !own.includes(tag) && own.length < MAX_TAGS_PER_STORY ? [own] : [];
        }),
      );
      while ((uses.get(tag) ?? 0) < MIN_STORIES_PER_TAG && candidates.length > 0) {
        candidates.pop()?.push(tag);
        uses.set(tag, (uses.get(tag) ?? 0) + 1);
      }
    }
  }
  return tags;
}
