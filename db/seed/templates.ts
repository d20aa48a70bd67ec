/**
 * Fills the `{slot}` templates of the topic files (the slot language is described in topic.ts). One Filler
 * belongs to one story: it holds the story's fixed choices, so "{Team}" is the same club in the headline and in
 * the fifth paragraph, and it draws everything else from the story's own Random.
 */
import type { Random } from './random';
import type { Topic } from './topic';
import { COUNTRIES, DAYS, FIRST_NAMES, PLACES, SMALL_NUMBERS, SURNAMES, TAILS } from './vocabulary';

export type Person = { name: string; surname: string; role: string };

const SLOT = /\{([A-Za-z]+)(\.bare)?\}/g;
const ORDINALS = ['third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
/** Topic slots that name the one thing a story is about, so they keep their value for the whole story. */
const STORY_WIDE_SLOTS = ['team', 'title', 'company'];
// The story's own town comes up most of the time, but not always: a story mentions other places too.
const HOME_PLACE_SHARE = 0.7;

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function withoutArticle(text: string): string {
  return text.replace(/^(the|a|an) /i, '');
}

export type Filler = {
  readonly random: Random;
  readonly topic: Topic;
  readonly focus: string;
  readonly lead: Person;
  fill(template: string): string;
  /** A full name that is not the lead's. */
  person(): string;
};

export function createFiller(random: Random, topic: Topic, pins: Readonly<Record<string, string>> = {}): Filler {
  const pinned = new Map<string, string>();
  for (const slot of STORY_WIDE_SLOTS) {
    const values = topic.slots?.[slot];
    if (values) pinned.set(slot, pins[slot] ?? random.pick(values));
  }
  pinned.set('place', random.pick(PLACES));
  const pinnedValues = new Set(pinned.values());

  const person = (): string => {
    const name = `${random.pick(FIRST_NAMES)} ${random.pick(SURNAMES)}`;
    return name === story.lead.name ? person() : name;
  };

  // Resolves one slot; `used` holds what this template has already said, so "{club} v {club}" names two clubs.
  const resolve = (name: string, used: Map<string, Set<string>>): string => {
    const seen = used.get(name) ?? new Set<string>();
    used.set(name, seen);
    const fresh = (values: readonly string[]) => {
      const unused = values.filter((value) => !seen.has(value) && !pinnedValues.has(value));
      const value = random.pick(unused.length > 0 ? unused : values);
      seen.add(value);
      return value;
    };
    const home = pinned.get(name);
    if (home !== undefined && !seen.has(home) && (name !== 'place' || random.chance(HOME_PLACE_SHARE))) {
      seen.add(home);
      return home;
    }
    switch (name) {
      case 'focus': return story.focus;
      case 'lead': return story.lead.name;
      case 'leadSurname': return story.lead.surname;
      case 'leadRole': return story.lead.role;
      case 'place': return fresh(PLACES);
      case 'country': return fresh(COUNTRIES);
      case 'day': return fresh(DAYS);
      case 'person': return person();
      case 'n': return fresh(SMALL_NUMBERS);
      case 'digit': return String(random.int(2, 9));
      case 'num': return String(random.int(12, 95));
      case 'thousands': return `${random.int(1, 9)},${random.int(1, 9)}00`;
      case 'pct': return `${random.int(3, 48)}%`;
      case 'ordinal': return fresh(ORDINALS);
      case 'tail': return fill(fresh(TAILS), used);
      // Half the time "a subject" is the story's own focus: that repetition is what makes stories cohere.
      case 'subject': return random.chance(0.5) ? story.focus : fill(fresh(topic.subjects), used);
      case 'actor': return fill(fresh(topic.actors), used);
      case 'verb': return fill(fresh(topic.verbs), used);
    }
    const values = topic.slots?.[name];
    if (!values) throw new Error(`Unknown slot {${name}} in topic ${topic.key}`);
    return fill(fresh(values), used);
  };

  const fill = (template: string, used = new Map<string, Set<string>>()): string =>
    template.replace(SLOT, (_match, rawName: string, bare: string | undefined) => {
      const name = rawName.charAt(0).toLowerCase() + rawName.slice(1);
      let value = resolve(name, used);
      if (bare) value = withoutArticle(value);
      return rawName === name ? value : capitalise(value);
    });

  const story = {
    random,
    topic,
    focus: '',
    lead: { name: '', surname: '', role: '' },
    fill: (template: string) => fill(template),
    person,
  };
  story.focus = fill(random.pick(topic.subjects));
  const surname = random.pick(SURNAMES);
  story.lead = { name: `${random.pick(FIRST_NAMES)} ${surname}`, surname, role: fill(random.pick(topic.roles)) };
  return story;
}
