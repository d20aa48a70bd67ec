/**
 * The shape of a story topic: the word banks and templates the text generator writes from. Stories on the same
 * topic draw on the same banks, so they share vocabulary and full-text search finds them related.
 *
 * Templates contain slots in braces. `{focus}` is the thing the story is about, fixed for one story; `{lead}`,
 * `{leadSurname}` and `{leadRole}` are its main character; `{place}` its town; `{actor}`, `{subject}` and
 * `{verb}` draw afresh from the topic each time; `{person}`, `{n}`, `{num}`, `{pct}`, `{money}`, `{day}` come
 * from the shared vocabulary; any key of `slots` is a topic-specific bank. A capital first letter (`{Focus}`)
 * capitalises the value, and `.bare` (`{focus.bare}`) drops a leading "the" or "a", for headlines.
 */

export const SECTION_SLUGS = [
  'news',
  'politics',
  'business',
  'world',
  'science',
  'technology',
  'culture',
  'sport',
  'climate',
  'health',
] as const;

export type SectionSlug = (typeof SECTION_SLUGS)[number];

export type StoryFormat = 'news' | 'analysis' | 'opinion' | 'explainer' | 'review';

export type ListTemplate = { intro: string; items: readonly string[]; ordered?: boolean };

/** Templates that replace or extend the generic ones for one format. */
export type FormatPack = {
  headlines: readonly string[];
  deks: readonly string[];
  headings: readonly string[];
  sentences: readonly string[];
  /** Replaces the topic's lists (a review's fact box instead of news bullet points). */
  lists?: readonly ListTemplate[];
};

export type Topic = {
  key: string;
  section: SectionSlug;
  /** How often this topic comes up, relative to the other topics of its section. */
  weight: number;
  /** Tag slugs, most relevant first: every story on the topic carries the first. */
  tags: readonly string[];
  /** Noun phrases a story can be about (one becomes the story's `{focus}`). */
  subjects: readonly string[];
  /** People and bodies that act: "the finance minister", "rail operators". */
  actors: readonly string[];
  /** Past-tense verb phrases taking a subject: "defended", "pushed back against". */
  verbs: readonly string[];
  /** Job descriptions for the story's lead and its quoted sources. */
  roles: readonly string[];
  headlines: readonly string[];
  deks: readonly string[];
  sentences: readonly string[];
  /** What sources say, without quotation marks or final full stop. */
  quotes: readonly string[];
  headings: readonly string[];
  lists: readonly ListTemplate[];
  /** Hero-image captions: context for the story, never a description of the illustration. */
  captions: readonly string[];
  slots?: Readonly<Record<string, readonly string[]>>;
  /** Formats this topic writes differently (the culture topics' reviews). */
  formats?: Partial<Record<StoryFormat, FormatPack>>;
};
